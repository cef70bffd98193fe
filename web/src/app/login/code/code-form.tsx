'use client';

import { useActionState } from 'react';
import { completeSignIn, type CodeState } from './actions';
import styles from '../login.module.css';

export type CodeFormText = { code: string; hint: string; submit: string; submitting: string };

/** Like the password form: a plain form posting to the server action, so it works without JavaScript. */
export function CodeForm({ text }: { text: CodeFormText }) {
  const [state, formAction, pending] = useActionState<CodeState, FormData>(completeSignIn, {});
  const message = state.formError ?? state.fieldError;
  return (
    <form action={formAction} className={styles.form} noValidate>
      <div role={message ? 'alert' : 'status'} aria-live="polite" className={styles.messageSlot}>
        {state.formError ? <p className="notice notice-error">{state.formError}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="login-code">{text.code}</label>
        <p id="login-code-hint" className="field-hint">
          {text.hint}
        </p>
        <input
          id="login-code"
          name="code"
          type="text"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          required
          aria-invalid={state.fieldError ? true : undefined}
          aria-describedby={state.fieldError ? 'login-code-hint login-code-error' : 'login-code-hint'}
        />
        {state.fieldError ? (
          <p id="login-code-error" className="field-error">
            {state.fieldError}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-primary button-block" disabled={pending} aria-disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { login, type LoginState } from './actions';
import styles from './login.module.css';

export type LoginFormText = {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  errorSummary: string;
};

const initialState: LoginState = { email: '', fieldErrors: {} };

/**
 * Works before (and without) JavaScript: the form posts to the server action and the page comes back
 * with the action's state. With JavaScript it only adds the pending state.
 */
export function LoginForm({ text, notice }: { text: LoginFormText; notice?: string }) {
  const [state, formAction, pending] = useActionState(login, initialState);
  const { fieldErrors, formError } = state;
  const message = formError ?? (fieldErrors.email || fieldErrors.password ? text.errorSummary : notice);
  const isError = Boolean(formError || fieldErrors.email || fieldErrors.password);

  return (
    <form action={formAction} className={styles.form} noValidate>
      <div role={isError ? 'alert' : 'status'} aria-live="polite" className={styles.messageSlot}>
        {message ? <p className={isError ? 'notice notice-error' : 'notice notice-info'}>{message}</p> : null}
      </div>

      <div className="field">
        <label htmlFor="login-email">{text.email}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          defaultValue={state.email}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? 'login-email-error' : undefined}
        />
        {fieldErrors.email ? (
          <p id="login-email-error" className="field-error">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor="login-password">{text.password}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
        />
        {fieldErrors.password ? (
          <p id="login-password-error" className="field-error">
            {fieldErrors.password}
          </p>
        ) : null}
      </div>

      <button type="submit" className="button button-primary button-block" disabled={pending} aria-disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}

import type { FormState } from '@/lib/form-state';
import { fieldId } from './fields';

/**
 * The message slot at the top of a form: a form-level error with a summary linking to each field that
 * needs attention, or a confirmation. The live region is always rendered, so screen readers announce
 * what appears in it after a submit.
 */
export function FormMessage({ form, state, labels }: { form: string; state: FormState; labels?: Record<string, string> }) {
  const problems = Object.entries(state.fieldErrors);
  const isError = state.status === 'invalid' || state.status === 'failed';
  return (
    <div role={isError ? 'alert' : 'status'} aria-live="polite" className="form-message">
      {isError && (state.formError || problems.length > 0) ? (
        <div className="notice notice-error">
          {state.formError ? <p className="notice-title">{state.formError}</p> : null}
          {problems.length > 0 ? (
            <ul>
              {problems.map(([name, message]) => (
                <li key={name}>
                  <a href={`#${fieldId(form, name)}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.status === 'done' && state.message ? <p className="notice notice-success">{state.message}</p> : null}
    </div>
  );
}

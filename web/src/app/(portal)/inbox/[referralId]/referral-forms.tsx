'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField, TextArea, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

/**
 * The partner's answers to a referral, each a small form posting to a server action bound to the referral
 * (./actions.ts). On success the action redirects back to the page with the new state; a refusal comes
 * back here with the form still filled in.
 */

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * A number that changes with every answer of the action. React resets a form after its action, and a
 * select does not take a changed defaultValue afterwards: keying the fields by this remounts them with
 * what was sent, so a refused form comes back as it was filled in.
 */
function useAnswerCount(state: FormState): number {
  const [seen, setSeen] = useState({ state, count: 0 });
  if (seen.state !== state) {
    const next = { state, count: seen.count + 1 };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}

/** Accept or record intake: one button, with room for the API's refusal. */
export function ButtonForm({ id, action, label, pendingLabel, intro }: { id: string; action: Action; label: string; pendingLabel: string; intro?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage form={id} state={state} />
      {intro ? <p className="muted">{intro}</p> : null}
      <div className="form-actions">
        <SubmitButton label={label} pendingLabel={pendingLabel} />
      </div>
    </form>
  );
}

/** Decline (a reason) or close (an outcome): a code from a list and words, which "other" needs. */
export function ReasonForm({
  id,
  action,
  codeName,
  codeLabel,
  options,
  submitLabel,
  variant = 'danger',
}: {
  id: string;
  action: Action;
  codeName: 'reason' | 'outcome';
  codeLabel: string;
  options: Option[];
  submitLabel: string;
  variant?: 'primary' | 'danger' | 'default';
}) {
  const t = useTranslations('Referral');
  const [state, formAction] = useActionState(action, initialFormState);
  const answers = useAnswerCount(state);
  return (
    <form action={formAction} className="form" noValidate aria-label={submitLabel}>
      <FormMessage form={id} state={state} labels={{ [codeName]: codeLabel, text: t('reasonText') }} />
      <SelectField
        key={`code-${answers}`}
        form={id}
        name={codeName}
        label={codeLabel}
        options={options}
        placeholder={t('choose')}
        required
        error={state.fieldErrors[codeName]}
        defaultValue={text(state.values[codeName])}
      />
      <TextArea
        form={id}
        name="text"
        label={t('reasonText')}
        hint={t('reasonTextHint')}
        rows={3}
        maxLength={1000}
        error={state.fieldErrors.text}
        defaultValue={text(state.values.text)}
      />
      <div className="form-actions">
        <SubmitButton label={submitLabel} pendingLabel={t('saving')} variant={variant} />
      </div>
    </form>
  );
}

/** Cancel: the person did not arrive; words are optional. */
export function CancelForm({ id, action }: { id: string; action: Action }) {
  const t = useTranslations('Referral');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="form" noValidate aria-label={t('cancelSubmit')}>
      <FormMessage form={id} state={state} labels={{ reason: t('cancelReason') }} />
      <TextArea
        form={id}
        name="reason"
        label={t('cancelReason')}
        hint={t('cancelReasonHint')}
        rows={3}
        maxLength={1000}
        error={state.fieldErrors.reason}
        defaultValue={text(state.values.reason)}
      />
      <div className="form-actions">
        <SubmitButton label={t('cancelSubmit')} pendingLabel={t('saving')} variant="danger" />
      </div>
    </form>
  );
}

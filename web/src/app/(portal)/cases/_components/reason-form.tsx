'use client';

import { useActionState } from 'react';
import { TextArea } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

export type ReasonFormText = { label: string; hint?: string; submit: string; pending: string; formLabel: string };

/**
 * One step that needs a reason in words (withdraw a referral, close a case): a text box and a button.
 * Works without JavaScript.
 */
export function ReasonForm({
  form,
  action: run,
  text,
  required = false,
  variant = 'danger',
}: {
  form: string;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  text: ReasonFormText;
  required?: boolean;
  variant?: 'danger' | 'primary' | 'default';
}) {
  const [state, action] = useActionState(run, initialFormState);
  const typed = state.status === 'done' ? undefined : state.values.reason;
  return (
    <form action={action} className="form" noValidate aria-label={text.formLabel}>
      <FormMessage form={form} state={state} labels={{ reason: text.label }} />
      <TextArea
        form={form}
        name="reason"
        label={text.label}
        hint={text.hint}
        rows={3}
        maxLength={1000}
        required={required}
        error={state.fieldErrors.reason}
        defaultValue={typeof typed === 'string' ? typed : undefined}
      />
      <div className="form-actions">
        <SubmitButton label={text.submit} pendingLabel={text.pending} variant={variant} />
      </div>
    </form>
  );
}

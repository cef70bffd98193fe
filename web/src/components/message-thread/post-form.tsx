'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { TextArea } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

/** The reply box under a thread. Works without JavaScript (a plain post re-renders the page). */
export function PostMessageForm({
  referralId,
  idempotencyKey,
  post,
}: {
  referralId: string;
  idempotencyKey: string;
  /** postMessage bound to the referral (./actions.ts). */
  post: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('Messages');
  const [state, action] = useActionState(post, initialFormState);
  const form = `message-${referralId}`;
  const typed = state.status === 'done' ? '' : state.values.body;
  return (
    <form action={action} className="form" noValidate aria-label={t('formLabel')}>
      <FormMessage form={form} state={state} labels={{ body: t('body') }} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextArea
        // A new key after each post remounts the box, so a sent message does not stay in it.
        key={idempotencyKey}
        form={form}
        name="body"
        label={t('body')}
        hint={t('bodyHint')}
        rows={4}
        maxLength={4000}
        required
        error={state.fieldErrors.body}
        defaultValue={typeof typed === 'string' ? typed : undefined}
      />
      <div className="form-actions">
        <SubmitButton label={t('send')} pendingLabel={t('sending')} />
      </div>
    </form>
  );
}

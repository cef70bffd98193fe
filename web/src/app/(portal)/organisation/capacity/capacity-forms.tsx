'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Checkbox, TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** −1 / +1 / Full: one form, three buttons, each sending what it changes. */
export function QuickCapacityForm({ id, action, serviceName }: { id: string; action: Action; serviceName: string }) {
  const t = useTranslations('Capacity');
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="form" noValidate aria-label={t('quickLabel', { service: serviceName })}>
      <FormMessage form={id} state={state} />
      <div className="form-actions">
        <SubmitButton label={t('minus')} pendingLabel={t('saving')} variant="default" name="change" value="minus" />
        <SubmitButton label={t('plus')} pendingLabel={t('saving')} variant="default" name="change" value="plus" />
        <SubmitButton label={t('full')} pendingLabel={t('saving')} variant="quiet" name="change" value="full" />
      </div>
    </form>
  );
}

const text = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The whole statement of one service. */
export function EditCapacityForm({
  id,
  action,
  current,
}: {
  id: string;
  action: Action;
  current: { totalSlots: number; waitlistLength: number; paused: boolean };
}) {
  const t = useTranslations('Capacity');
  const [state, formAction] = useActionState(action, initialFormState);
  const pausedValue = state.status === 'idle' ? current.paused : state.values.paused === 'on';
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage form={id} state={state} labels={{ totalSlots: t('totalSlots'), waitlistLength: t('waitlistLength') }} />
      <div className="form-grid">
        <TextField
          form={id}
          name="totalSlots"
          label={t('totalSlots')}
          hint={t('totalSlotsHint')}
          inputMode="numeric"
          required
          error={state.fieldErrors.totalSlots}
          defaultValue={text(state.values.totalSlots) ?? current.totalSlots}
        />
        <TextField
          form={id}
          name="waitlistLength"
          label={t('waitlistLength')}
          inputMode="numeric"
          required
          error={state.fieldErrors.waitlistLength}
          defaultValue={text(state.values.waitlistLength) ?? current.waitlistLength}
        />
      </div>
      <Checkbox form={id} name="paused" label={t('pausedLabel')} hint={t('pausedHint')} defaultChecked={pausedValue} />
      <div className="form-actions">
        <SubmitButton label={t('save')} pendingLabel={t('saving')} />
      </div>
    </form>
  );
}

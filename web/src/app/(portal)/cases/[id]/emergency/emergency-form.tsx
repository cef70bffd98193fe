'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField, TextArea, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

const FORM = 'emergency';

/** The emergency-access form: which partner, which category, and why consent cannot wait. */
export function EmergencyForm({
  organisations,
  categories,
  grant,
}: {
  organisations: Option[];
  categories: Option[];
  grant: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('CaseEmergency');
  const [state, action] = useActionState(grant, initialFormState);
  const source = state.status === 'done' ? {} : state.values;
  const one = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  const labels = { organisationId: t('organisation'), category: t('category'), reason: t('reason') };
  return (
    <form action={action} className="form" noValidate aria-labelledby="emergency-form-heading" key={state.status === 'done' ? 'done' : 'form'}>
      <FormMessage form={FORM} state={state} labels={labels} />
      <SelectField form={FORM} name="organisationId" required label={labels.organisationId} placeholder={t('choose')} options={organisations} defaultValue={one('organisationId')} error={state.fieldErrors.organisationId} />
      <SelectField form={FORM} name="category" required label={labels.category} placeholder={t('choose')} options={categories} defaultValue={one('category')} error={state.fieldErrors.category} />
      <TextArea form={FORM} name="reason" required label={labels.reason} hint={t('reasonHint')} rows={4} maxLength={1000} defaultValue={one('reason')} error={state.fieldErrors.reason} />
      <div className="form-actions">
        <SubmitButton label={t('submit')} pendingLabel={t('submitting')} variant="danger" />
      </div>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ChoiceGroup, TextArea, TextField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState, type FormState } from '@/lib/form-state';

export type ConsentOptions = {
  legalBases: Option[];
  categories: Option[];
  purposes: Option[];
  givenBy: Option[];
  givenHow: Option[];
  organisations: Option[];
};

const FORM = 'consent';

/** Records one consent: what may be shared, with whom, for what, given by whom and how. */
export function ConsentForm({
  options,
  record,
}: {
  options: ConsentOptions;
  record: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('CaseConsent');
  const [state, action] = useActionState(record, initialFormState);
  // After a recorded consent the form starts empty again; after a refusal it keeps what was chosen.
  const source = state.status === 'done' ? {} : state.values;
  const one = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : undefined);
  const many = (name: string) => {
    const given = source[name];
    return given === undefined ? [] : Array.isArray(given) ? given : [given];
  };
  const e = state.fieldErrors;
  const labels: Record<string, string> = {
    legalBasis: t('legalBasis'),
    justification: t('justification'),
    categories: t('categories'),
    wholeNetwork: t('wholeNetwork'),
    recipientOrganisationIds: t('recipients'),
    purposes: t('purposes'),
    givenBy: t('givenBy'),
    givenHow: t('givenHow'),
    validUntil: t('validUntil'),
  };

  return (
    <form action={action} className="form" noValidate aria-labelledby="consent-form-heading" key={state.status === 'done' ? state.message : 'form'}>
      <FormMessage form={FORM} state={state} labels={labels} />
      <ChoiceGroup form={FORM} name="legalBasis" type="radio" required label={labels.legalBasis} hint={t('legalBasisHint')} options={options.legalBases} defaultValues={many('legalBasis')} error={e.legalBasis} />
      <TextArea form={FORM} name="justification" label={labels.justification} hint={t('justificationHint')} rows={3} maxLength={2000} defaultValue={one('justification')} error={e.justification} />
      <ChoiceGroup form={FORM} name="categories" required inline label={labels.categories} options={options.categories} defaultValues={many('categories')} error={e.categories} />
      <ChoiceGroup form={FORM} name="purposes" required inline label={labels.purposes} options={options.purposes} defaultValues={many('purposes')} error={e.purposes} />
      <ChoiceGroup
        form={FORM}
        name="wholeNetwork"
        label={t('recipientsLegend')}
        hint={t('wholeNetworkHint')}
        options={[{ value: 'on', label: labels.wholeNetwork }]}
        defaultValues={many('wholeNetwork')}
        error={e.wholeNetwork}
      />
      <details className="field" open={many('recipientOrganisationIds').length > 0 || Boolean(e.recipientOrganisationIds)}>
        <summary>{t('recipientsToggle')}</summary>
        <ChoiceGroup form={FORM} name="recipientOrganisationIds" label={labels.recipientOrganisationIds} hint={t('recipientsHint')} options={options.organisations} defaultValues={many('recipientOrganisationIds')} error={e.recipientOrganisationIds} />
      </details>
      <ChoiceGroup form={FORM} name="givenBy" type="radio" inline required label={labels.givenBy} options={options.givenBy} defaultValues={many('givenBy')} error={e.givenBy} />
      <ChoiceGroup form={FORM} name="givenHow" type="radio" inline required label={labels.givenHow} options={options.givenHow} defaultValues={many('givenHow')} error={e.givenHow} />
      <TextField form={FORM} name="validUntil" type="date" label={labels.validUntil} hint={t('validUntilHint')} defaultValue={one('validUntil')} error={e.validUntil} />
      <div className="form-actions">
        <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
      </div>
    </form>
  );
}

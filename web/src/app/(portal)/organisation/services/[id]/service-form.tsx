'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ChoiceGroup, SelectField, TextArea, TextField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState } from '@/lib/form-state';
import type { EditableService } from '@/lib/operations/partners';
import { listOf, valueOf } from '@/lib/form-values';
import { saveService, type ServiceTarget } from './actions';

const FORM = 'service';
type Key = Parameters<ReturnType<typeof useTranslations<'OrganisationService'>>>[0];

/** The fields of a new service before anything is filled in. */
const BLANK: Omit<EditableService, 'id' | 'type' | 'province' | 'updatedAt' | 'organisation'> & { type: string; province: string } = {
  type: '',
  name: '',
  description: '',
  province: '',
  minAge: null,
  maxAge: null,
  genders: [],
  languages: [],
  exploitationTypes: [],
  exclusions: '',
  street: '',
  postalCode: '',
  city: '',
  latitude: null,
  longitude: null,
};

export function ServiceForm({
  target,
  service: existing,
  types,
  provinces,
  genders,
  exploitationTypes,
}: {
  target: ServiceTarget;
  /** Absent: a new service. */
  service?: EditableService;
  types: Option[];
  provinces: Option[];
  genders: Option[];
  exploitationTypes: Option[];
}) {
  const t = useTranslations('OrganisationService');
  const forms = useTranslations('Forms');
  const [state, action] = useActionState(saveService.bind(null, target), initialFormState);
  const service = existing ?? BLANK;
  const errors = state.fieldErrors;
  const label = (name: string) => (t.has(`field.${name}` as Key) ? t(`field.${name}` as Key) : name);
  const field = (name: string, current: string | number | null) => ({ form: FORM, name, label: label(name), error: errors[name], defaultValue: valueOf(state, name, current) });
  const labels = Object.fromEntries(Object.keys(errors).map((name) => [name, label(name)]));

  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={FORM} state={state} labels={labels} />

      <fieldset className="card">
        <legend>{t('general')}</legend>
        <div className="form-grid">
          <TextField type="text" {...field('name', service.name)} required />
          <SelectField {...field('type', service.type)} options={types} placeholder={existing ? undefined : t('choose')} required />
        </div>
        <TextArea {...field('description', service.description)} maxLength={2000} />
      </fieldset>

      <fieldset className="card">
        <legend>{t('eligibility')}</legend>
        <div className="form-grid">
          <TextField type="text" {...field('minAge', service.minAge)} inputMode="numeric" hint={t('ageHint')} />
          <TextField type="text" {...field('maxAge', service.maxAge)} inputMode="numeric" hint={t('ageHint')} />
        </div>
        <ChoiceGroup form={FORM} name="genders" label={label('genders')} hint={t('allWhenEmpty')} error={errors.genders} options={genders} defaultValues={listOf(state, 'genders', service.genders)} inline />
        <ChoiceGroup
          form={FORM}
          name="exploitationTypes"
          label={label('exploitationTypes')}
          hint={t('allWhenEmpty')}
          error={errors.exploitationTypes}
          options={exploitationTypes}
          defaultValues={listOf(state, 'exploitationTypes', service.exploitationTypes)}
          inline
        />
        <TextField type="text" {...field('languages', service.languages.join(', '))} hint={t('languagesHint')} />
        <TextArea {...field('exclusions', service.exclusions)} maxLength={2000} hint={t('exclusionsHint')} />
      </fieldset>

      <fieldset className="card">
        <legend>{t('location')}</legend>
        <p className="muted">{t('locationHint')}</p>
        <div className="form-grid">
          <TextField type="text" {...field('street', service.street)} />
          <TextField type="text" {...field('postalCode', service.postalCode)} />
          <TextField type="text" {...field('city', service.city)} />
          <SelectField {...field('province', service.province)} options={provinces} placeholder={existing ? undefined : t('choose')} required />
          <TextField type="text" {...field('latitude', service.latitude)} inputMode="decimal" hint={t('coordinateHint')} />
          <TextField type="text" {...field('longitude', service.longitude)} inputMode="decimal" hint={t('coordinateHint')} />
        </div>
      </fieldset>

      <div className="form-actions">
        <SubmitButton label={existing ? t('save') : t('create')} pendingLabel={forms('saving')} />
      </div>
    </form>
  );
}

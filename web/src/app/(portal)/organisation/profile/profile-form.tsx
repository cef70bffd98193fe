'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Checkbox, ChoiceGroup, SelectField, TextArea, TextField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState } from '@/lib/form-state';
import type { EditableProfile } from '@/lib/operations/partners';
import { checkedOf, listOf, valueOf } from '@/lib/form-values';
import { saveProfile } from './actions';

const FORM = 'profile';

export function ProfileForm({ profile, careKinds, provinces }: { profile: EditableProfile; careKinds: Option[]; provinces: Option[] }) {
  const t = useTranslations('OrganisationProfile');
  const forms = useTranslations('Forms');
  const [state, action] = useActionState(saveProfile, initialFormState);
  const errors = state.fieldErrors;
  const field = (name: string, current: string | number | null) => ({ form: FORM, name, label: t(`field.${name}` as 'field.city'), error: errors[name], defaultValue: valueOf(state, name, current) });
  const labels = Object.fromEntries(Object.keys(errors).map((name) => [name, t.has(`field.${name}` as 'field.city') ? t(`field.${name}` as 'field.city') : name]));

  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={FORM} state={state} labels={labels} />

      <fieldset className="card">
        <legend>{t('general')}</legend>
        <SelectField {...field('careKind', profile.careKind)} options={careKinds} required />
        <TextArea {...field('description', profile.description)} maxLength={2000} rows={5} />
        <Checkbox form={FORM} name="acceptingReferrals" label={t('field.acceptingReferrals')} hint={t('acceptingHint')} defaultChecked={checkedOf(state, 'acceptingReferrals', profile.acceptingReferrals)} />
      </fieldset>

      <fieldset className="card">
        <legend>{t('address')}</legend>
        <div className="form-grid">
          <TextField type="text" {...field('street', profile.street)} autoComplete="street-address" />
          <TextField type="text" {...field('postalCode', profile.postalCode)} autoComplete="postal-code" hint={t('postalCodeHint')} />
          <TextField type="text" {...field('city', profile.city)} autoComplete="address-level2" required />
          <SelectField {...field('province', profile.province)} options={provinces} required />
          <TextField type="text" {...field('latitude', profile.latitude)} inputMode="decimal" hint={t('coordinateHint')} />
          <TextField type="text" {...field('longitude', profile.longitude)} inputMode="decimal" hint={t('coordinateHint')} />
        </div>
        <ChoiceGroup
          form={FORM}
          name="regionsServed"
          label={t('field.regionsServed')}
          hint={t('regionsHint')}
          error={errors.regionsServed}
          options={provinces}
          defaultValues={listOf(state, 'regionsServed', profile.regionsServed)}
          inline
        />
      </fieldset>

      <fieldset className="card">
        <legend>{t('intake')}</legend>
        <div className="form-grid">
          <TextField {...field('intakePhone', profile.intakePhone)} type="tel" autoComplete="off" />
          <TextField {...field('intakeEmail', profile.intakeEmail)} type="email" autoComplete="off" />
          <TextField type="text" {...field('intakeHours', profile.intakeHours)} />
          <TextField type="text" {...field('languages', profile.languages.join(', '))} hint={t('languagesHint')} />
        </div>
      </fieldset>

      <div className="form-actions">
        <SubmitButton label={t('save')} pendingLabel={forms('saving')} />
      </div>
    </form>
  );
}

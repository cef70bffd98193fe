'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ChoiceGroup, SelectField, TextArea, TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState } from '@/lib/form-state';
import { createCase } from './actions';
import styles from './new-case.module.css';
import type { Option } from '@/components/form/fields';

export type NewCaseOptions = {
  urgencies: Option[];
  needs: Option[];
  ageGroups: Option[];
  genders: Option[];
  exploitationTypes: Option[];
  provinces: Option[];
};

const FORM = 'new-case';

/**
 * The new-case form: facts for matching first, then personal data by vault category (all optional,
 * sealed in the vault). Validated on the server; works without JavaScript.
 */
export function NewCaseForm({ idempotencyKey, options }: { idempotencyKey: string; options: NewCaseOptions }) {
  const t = useTranslations('NewCase');
  const [state, action] = useActionState(createCase, initialFormState);
  const value = (name: string) => {
    const given = state.values[name];
    return typeof given === 'string' ? given : undefined;
  };
  const values = (name: string) => {
    const given = state.values[name];
    return given === undefined ? [] : Array.isArray(given) ? given : [given];
  };
  const errors = state.fieldErrors;
  const labels: Record<string, string> = {
    urgency: t('urgency'),
    needs: t('needs'),
    age: t('age'),
    ageGroup: t('ageGroup'),
    gender: t('gender'),
    languages: t('languages'),
    exploitationType: t('exploitationType'),
    place: t('place'),
    province: t('province'),
    name: t('name'),
    birthDate: t('birthDate'),
    phone: t('phone'),
    address: t('address'),
    whereabouts: t('whereabouts'),
    healthNotes: t('healthNotes'),
    caseNotes: t('caseNotes'),
  };

  return (
    <form action={action} className="form" noValidate aria-labelledby="new-case-heading">
      <FormMessage form={FORM} state={state} labels={labels} />
      <input type="hidden" name="idempotencyKey" value={value('idempotencyKey') ?? idempotencyKey} />

      <section className="card" aria-labelledby="new-case-facts">
        <h2 id="new-case-facts">{t('factsTitle')}</h2>
        <p className="muted">{t('factsIntro')}</p>
        <ChoiceGroup form={FORM} name="urgency" type="radio" inline required label={labels.urgency} options={options.urgencies} defaultValues={values('urgency')} error={errors.urgency} />
        <div className={styles.needs}>
          <ChoiceGroup form={FORM} name="needs" required label={labels.needs} hint={t('needsHint')} options={options.needs} defaultValues={values('needs')} error={errors.needs} />
        </div>
        <div className="form-grid">
          <TextField form={FORM} name="age" type="text" label={labels.age} hint={t('ageHint')} inputMode="numeric" defaultValue={value('age')} error={errors.age} />
          <SelectField form={FORM} name="ageGroup" label={labels.ageGroup} hint={t('ageGroupHint')} placeholder={t('notGiven')} options={options.ageGroups} defaultValue={value('ageGroup')} error={errors.ageGroup} />
          <SelectField form={FORM} name="gender" label={labels.gender} placeholder={t('notGiven')} options={options.genders} defaultValue={value('gender')} error={errors.gender} />
          <TextField form={FORM} name="languages" type="text" label={labels.languages} hint={t('languagesHint')} defaultValue={value('languages')} error={errors.languages} autoComplete="off" />
          <SelectField form={FORM} name="exploitationType" label={labels.exploitationType} placeholder={t('notGiven')} options={options.exploitationTypes} defaultValue={value('exploitationType')} error={errors.exploitationType} />
          <TextField form={FORM} name="place" type="text" label={labels.place} hint={t('placeHint')} defaultValue={value('place')} error={errors.place} autoComplete="off" />
          <SelectField form={FORM} name="province" label={labels.province} hint={t('provinceHint')} placeholder={t('notGiven')} options={options.provinces} defaultValue={value('province')} error={errors.province} />
        </div>
      </section>

      <section className="card" aria-labelledby="new-case-personal">
        <h2 id="new-case-personal">{t('personalTitle')}</h2>
        <p className="muted">{t('personalIntro')}</p>
        <fieldset className={`field ${styles.group}`}>
          <legend>{t('identity')}</legend>
          <div className="form-grid">
            <TextField form={FORM} name="name" type="text" label={labels.name} defaultValue={value('name')} error={errors.name} autoComplete="off" />
            <TextField form={FORM} name="birthDate" label={labels.birthDate} type="date" defaultValue={value('birthDate')} error={errors.birthDate} />
          </div>
        </fieldset>
        <fieldset className={`field ${styles.group}`}>
          <legend>{t('contact')}</legend>
          <div className="form-grid">
            <TextField form={FORM} name="phone" label={labels.phone} type="tel" defaultValue={value('phone')} error={errors.phone} autoComplete="off" />
            <TextField form={FORM} name="address" type="text" label={labels.address} defaultValue={value('address')} error={errors.address} autoComplete="off" />
          </div>
          <TextField form={FORM} name="whereabouts" type="text" label={labels.whereabouts} hint={t('whereaboutsHint')} defaultValue={value('whereabouts')} error={errors.whereabouts} autoComplete="off" />
        </fieldset>
        <TextArea form={FORM} name="healthNotes" label={labels.healthNotes} maxLength={4000} defaultValue={value('healthNotes')} error={errors.healthNotes} />
        <TextArea form={FORM} name="caseNotes" label={labels.caseNotes} maxLength={4000} defaultValue={value('caseNotes')} error={errors.caseNotes} />
      </section>

      <div className="form-actions">
        <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
      </div>
    </form>
  );
}

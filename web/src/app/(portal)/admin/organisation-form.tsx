'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField, TextField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { initialFormState } from '@/lib/form-state';
import { valueOf } from '@/lib/form-values';
import { createOrganisation } from './actions';

export function CreateOrganisationForm({ kinds }: { kinds: Option[] }) {
  const t = useTranslations('Admin');
  const [state, action] = useActionState(createOrganisation, initialFormState);
  const form = 'new-organisation';
  const labels = { name: t('name'), kind: t('kind') };
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={labels} />
      <div className="form-grid">
        <TextField type="text" form={form} name="name" label={labels.name} error={state.fieldErrors.name} defaultValue={valueOf(state, 'name', '')} autoComplete="off" required />
        <SelectField form={form} name="kind" label={labels.kind} error={state.fieldErrors.kind} options={kinds} defaultValue={valueOf(state, 'kind', 'PARTNER')} required />
      </div>
      <div className="form-actions">
        <SubmitButton label={t('create')} pendingLabel={t('creating')} />
      </div>
    </form>
  );
}

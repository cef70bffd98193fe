'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ChoiceGroup, TextField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { SubmitButton } from '@/components/form/submit-button';
import { SecretShown } from '@/components/one-time-secret';
import { initialFormState } from '@/lib/form-state';
import { listOf, valueOf } from '@/lib/form-values';
import type { SecretFormState } from '@/lib/secret-form-state';
import { createToken, revokeToken } from './actions';

export function CreateTokenForm({ scopes }: { scopes: Option[] }) {
  const t = useTranslations('OrganisationTokens');
  const [state, action] = useActionState<SecretFormState, FormData>(createToken, initialFormState);
  const form = 'new-token';
  const labels = { name: t('name'), scopes: t('scopes'), expiresOn: t('expiresOn') };
  if (state.status === 'done' && state.secret) {
    return (
      <SecretShown
        form={form}
        state={state}
        secret={state.secret}
        label={t('token')}
        warning={t('tokenWarning')}
        againHref="/organisation/tokens#new-token-heading"
        againLabel={t('createAnother')}
      />
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={labels} />
      <div className="form-grid">
        <TextField type="text" form={form} name="name" label={labels.name} hint={t('nameHint')} error={state.fieldErrors.name} defaultValue={valueOf(state, 'name', '')} autoComplete="off" required />
        <TextField form={form} name="expiresOn" type="date" label={labels.expiresOn} hint={t('expiresHint')} error={state.fieldErrors.expiresOn} defaultValue={valueOf(state, 'expiresOn', '')} />
      </div>
      <ChoiceGroup form={form} name="scopes" label={labels.scopes} hint={t('scopesHint')} error={state.fieldErrors.scopes} options={scopes} defaultValues={listOf(state, 'scopes', [])} required />
      <div className="form-actions">
        <SubmitButton label={t('create')} pendingLabel={t('creating')} />
      </div>
    </form>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations('OrganisationTokens');
  const [state, action] = useActionState(revokeToken.bind(null, tokenId), initialFormState);
  return (
    <form action={action} noValidate>
      <FormMessage form={`revoke-${tokenId}`} state={state} />
      <button type="submit" className="button button-danger button-small" aria-label={t('revokeNamed', { name })}>
        {t('revoke')}
      </button>
    </form>
  );
}

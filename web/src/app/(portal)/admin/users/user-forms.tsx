'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ChoiceGroup, SelectField, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { NewAccountFields } from '@/components/form/new-account-fields';
import { SubmitButton } from '@/components/form/submit-button';
import { SecretShown } from '@/components/one-time-secret';
import { initialFormState } from '@/lib/form-state';
import { listOf, valueOf } from '@/lib/form-values';
import type { SecretFormState } from '@/lib/secret-form-state';
import { createAccount, deactivateAccount } from './actions';

export function CreateAccountForm({ organisations, roles }: { organisations: Option[]; roles: Option[] }) {
  const t = useTranslations('AdminUsers');
  const [state, action] = useActionState<SecretFormState, FormData>(createAccount, initialFormState);
  const form = 'new-account';
  const labels = { displayName: t('displayName'), email: t('email'), organisationId: t('organisation'), roles: t('roles') };
  if (state.status === 'done' && state.secret) {
    return (
      <SecretShown
        form={form}
        state={state}
        secret={state.secret}
        label={t('initialPassword')}
        warning={t('initialPasswordWarning')}
        againHref="/admin/users#new-account-heading"
        againLabel={t('createAnother')}
      />
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={labels} />
      <div className="form-grid">
        <NewAccountFields form={form} state={state} labels={labels} />
        <SelectField
          form={form}
          name="organisationId"
          label={labels.organisationId}
          error={state.fieldErrors.organisationId}
          options={organisations}
          placeholder={t('chooseOrganisation')}
          defaultValue={valueOf(state, 'organisationId', '')}
          required
        />
      </div>
      <ChoiceGroup form={form} name="roles" label={labels.roles} hint={t('rolesHint')} error={state.fieldErrors.roles} options={roles} defaultValues={listOf(state, 'roles', [])} inline required />
      <p className="muted">{t('methodHint')}</p>
      <div className="form-actions">
        <SubmitButton label={t('invite')} pendingLabel={t('inviting')} name="method" value="invite" />
        <SubmitButton label={t('create')} pendingLabel={t('creating')} variant="default" name="method" value="password" />
      </div>
    </form>
  );
}

/** The confirmation step of deactivating an account. */
export function DeactivateForm({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations('AdminUsers');
  const [state, action] = useActionState(deactivateAccount.bind(null, userId), initialFormState);
  return (
    <form action={action} className="form notice notice-warning" id="confirm-deactivate" noValidate>
      <FormMessage form="deactivate" state={state} />
      <h2 className="notice-title">{t('deactivateConfirmTitle', { name })}</h2>
      <p>{t('deactivateConfirmBody')}</p>
      <div className="form-actions">
        <SubmitButton label={t('deactivateConfirm')} pendingLabel={t('deactivating')} variant="danger" />
        <Link className="button button-quiet" href="/admin/users">
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}

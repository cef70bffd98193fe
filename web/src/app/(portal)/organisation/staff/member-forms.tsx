'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ChoiceGroup, type Option } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { NewAccountFields } from '@/components/form/new-account-fields';
import { SubmitButton } from '@/components/form/submit-button';
import { SecretShown } from '@/components/one-time-secret';
import { initialFormState } from '@/lib/form-state';
import { listOf } from '@/lib/form-values';
import type { SecretFormState } from '@/lib/secret-form-state';
import { createMember, removeMember, setRoles, type MembersPlace } from './member-actions';

/** A new account with its roles here: invited by e-mail, or with a one-time password shown this once. */
export function CreateMemberForm({ place, organisationId, roles }: { place: MembersPlace; organisationId: string; roles: Option[] }) {
  const t = useTranslations('OrganisationStaff');
  const [state, action] = useActionState<SecretFormState, FormData>(createMember.bind(null, place, organisationId), initialFormState);
  const form = 'new-member';
  const labels = { displayName: t('displayName'), email: t('email'), roles: t('roles') };
  if (state.status === 'done' && state.secret) {
    const again = place === 'admin' ? `/admin/organisations/${encodeURIComponent(organisationId)}` : '/organisation/staff';
    return (
      <SecretShown
        form={form}
        state={state}
        secret={state.secret}
        label={t('initialPassword')}
        warning={t('initialPasswordWarning')}
        againHref={`${again}#new-member-heading`}
        againLabel={t('createAnother')}
      />
    );
  }
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={labels} />
      <div className="form-grid">
        <NewAccountFields form={form} state={state} labels={labels} />
      </div>
      <ChoiceGroup form={form} name="roles" label={labels.roles} error={state.fieldErrors.roles} options={roles} defaultValues={listOf(state, 'roles', [])} inline required />
      <p className="muted">{t('methodHint')}</p>
      <div className="form-actions">
        <SubmitButton label={t('invite')} pendingLabel={t('inviting')} name="method" value="invite" />
        <SubmitButton label={t('create')} pendingLabel={t('creating')} variant="default" name="method" value="password" />
      </div>
    </form>
  );
}

/** One member's roles as checkboxes, saved together. */
export function MemberRolesForm({
  place,
  organisationId,
  userId,
  name,
  current,
  roles,
}: {
  place: MembersPlace;
  organisationId: string;
  userId: string;
  name: string;
  current: string[];
  roles: Option[];
}) {
  const t = useTranslations('OrganisationStaff');
  const [state, action] = useActionState(setRoles.bind(null, place, organisationId, userId), initialFormState);
  const form = `roles-${userId}`;
  return (
    <form action={action} className="form" noValidate>
      <FormMessage form={form} state={state} labels={{ roles: t('rolesOf', { name }) }} />
      <ChoiceGroup form={form} name="roles" label={t('rolesOf', { name })} error={state.fieldErrors.roles} options={roles} defaultValues={listOf(state, 'roles', current)} inline />
      <div className="form-actions">
        <SubmitButton label={t('saveRoles')} pendingLabel={t('saving')} variant="default" />
      </div>
    </form>
  );
}

/** The confirmation step of taking someone out of the organisation. */
export function RemoveMemberForm({
  place,
  organisationId,
  userId,
  name,
  cancelHref,
}: {
  place: MembersPlace;
  organisationId: string;
  userId: string;
  name: string;
  cancelHref: string;
}) {
  const t = useTranslations('OrganisationStaff');
  const [state, action] = useActionState(removeMember.bind(null, place, organisationId, userId), initialFormState);
  return (
    <form action={action} className="form notice notice-warning" id="member-remove" noValidate>
      <FormMessage form={`remove-${userId}`} state={state} />
      <p className="notice-title">{t('removeConfirmTitle', { name })}</p>
      <p>{t('removeConfirmBody')}</p>
      <div className="form-actions">
        <SubmitButton label={t('removeConfirm')} pendingLabel={t('removing')} variant="danger" />
        <Link className="button button-quiet" href={cancelHref}>
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}

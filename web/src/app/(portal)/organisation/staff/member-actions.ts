'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway, type GatewayFailure } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, text, type FormState, type FormValues } from '@/lib/forms';
import { createOrInviteAccount } from '@/lib/new-account';
import { removeMemberOperation, setMemberRolesOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { ROLES } from '@/lib/vocabulary';
import type { SecretFormState } from '@/lib/secret-form-state';

/**
 * The member actions of both member pages: a partner admin's own staff page and the network admin's page of
 * one organisation. The organisation is bound by the page; the gateway decides whether this caller may manage
 * it. `place` only picks which page to refresh.
 */
export type MembersPlace = 'organisation' | 'admin';

function pathOf(place: MembersPlace, organisationId: string): string {
  return place === 'admin' ? `/admin/organisations/${encodeURIComponent(organisationId)}` : '/organisation/staff';
}

function refresh(place: MembersPlace, organisationId: string): void {
  revalidatePath(pathOf(place, organisationId));
  if (place === 'admin') revalidatePath('/admin/users');
}

/** The rule behind a CONFLICT (extensions.reason), in the page's words. */
async function conflictMessage(failure: GatewayFailure): Promise<string | undefined> {
  if (failure.kind !== 'REJECTED' || failure.code !== 'CONFLICT') return undefined;
  const t = await getTranslations('OrganisationStaff');
  switch (failure.reason) {
    case 'OWN_MEMBERSHIP':
      return t('conflictOwnMembership');
    case 'OWN_ADMIN_ROLE':
      return t('conflictOwnAdminRole');
    case 'LAST_ADMIN':
      return t('conflictLastAdmin');
    default:
      return undefined;
  }
}

async function refused(failure: GatewayFailure, values: FormValues): Promise<FormState> {
  leaveIfSessionEnded(failure);
  const conflict = await conflictMessage(failure);
  if (conflict) return { status: 'failed', fieldErrors: {}, formError: conflict, values };
  const t = await getTranslations('OrganisationStaff');
  if (failure.kind === 'REJECTED' && failure.code === 'BAD_USER_INPUT' && failure.fields.includes('roles')) {
    return { status: 'failed', fieldErrors: { roles: t('rolesDoNotFit') }, formError: t('rolesDoNotFit'), values };
  }
  return failedForm(failure, values);
}

/**
 * A new account in this organisation, made one of two ways (the form's two buttons): invited (`method=invite`: the
 * person gets an e-mailed link and chooses their own password) or with a one-time password that comes back in
 * this answer only, for handing over in person.
 */
export async function createMember(place: MembersPlace, organisationId: string, _previous: SecretFormState, formData: FormData): Promise<SecretFormState> {
  const t = await getTranslations('OrganisationStaff');
  const values = formValues(formData);
  const schema = z.object({
    displayName: text(200),
    email: z.email().max(254),
    roles: list(z.enum(ROLES)).refine((roles) => roles.length > 0, { message: 'chooseAtLeastOne' }),
  });
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const result = await createOrInviteAccount(formData, { ...parsed.data, organisationId });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'CONFLICT') {
      leaveIfSessionEnded(failure);
      return { status: 'failed', fieldErrors: { email: t('emailTaken') }, formError: t('emailTakenSummary'), values };
    }
    return refused(failure, values);
  }
  refresh(place, organisationId);
  if (!('createUser' in result.data)) return doneForm(t('invited', { name: parsed.data.displayName }));
  return { ...(await doneForm(t('created', { name: parsed.data.displayName }))), secret: result.data.createUser.initialPassword };
}

/** Replaces one member's roles in this organisation. */
export async function setRoles(place: MembersPlace, organisationId: string, userId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('OrganisationStaff');
  const values = formValues(formData);
  const schema = z.object({ roles: list(z.enum(ROLES)).refine((roles) => roles.length > 0, { message: 'chooseAtLeastOne' }) });
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const result = await callGateway(setMemberRolesOperation, { variables: { userId, organisationId, roles: parsed.data.roles } });
  if (!result.ok) return refused(result.failure, values);
  refresh(place, organisationId);
  return doneForm(t('rolesSaved'));
}

/** Takes a member out of this organisation (after the page's confirmation step), then back to the list. */
export async function removeMember(place: MembersPlace, organisationId: string, userId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await callGateway(removeMemberOperation, { variables: { userId, organisationId } });
  if (!result.ok) return refused(result.failure, values);
  refresh(place, organisationId);
  redirect(`${pathOf(place, organisationId)}?removed=1`);
}

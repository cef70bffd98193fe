'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { doneForm, failedForm, formValues, list, parseForm, text, type FormState } from '@/lib/forms';
import { createOrInviteAccount } from '@/lib/new-account';
import { deactivateUserOperation } from '@/lib/operations/identity';
import { leaveIfSessionEnded } from '@/lib/session';
import { ROLES } from '@/lib/vocabulary';
import type { SecretFormState } from '@/lib/secret-form-state';

/**
 * A new account in any organisation, made one of two ways (the form's two buttons): invited (`method=invite`: the
 * person gets an e-mailed link and chooses their own password) or with a one-time password that comes back in
 * this answer only, for handing over in person.
 */
export async function createAccount(_previous: SecretFormState, formData: FormData): Promise<SecretFormState> {
  const t = await getTranslations('AdminUsers');
  const values = formValues(formData);
  const schema = z.object({
    displayName: text(200),
    email: z.email().max(254),
    organisationId: z.uuid({ message: 'invalidChoice' }),
    roles: list(z.enum(ROLES)).refine((roles) => roles.length > 0, { message: 'chooseAtLeastOne' }),
  });
  const parsed = await parseForm(schema, values);
  if (!parsed.ok) return parsed.state;

  const result = await createOrInviteAccount(formData, parsed.data);
  if (!result.ok) {
    const { failure } = result;
    leaveIfSessionEnded(failure);
    if (failure.kind === 'REJECTED' && failure.code === 'CONFLICT') {
      return { status: 'failed', fieldErrors: { email: t('emailTaken') }, formError: t('emailTakenSummary'), values };
    }
    if (failure.kind === 'REJECTED' && failure.code === 'BAD_USER_INPUT' && failure.fields.includes('roles')) {
      return { status: 'failed', fieldErrors: { roles: t('rolesDoNotFit') }, formError: t('rolesDoNotFit'), values };
    }
    return failedForm(failure, values);
  }
  revalidatePath('/admin', 'layout');
  if (!('createUser' in result.data)) return doneForm(t('invited', { name: parsed.data.displayName }));
  return { ...(await doneForm(t('created', { name: parsed.data.displayName }))), secret: result.data.createUser.initialPassword };
}

/** Deactivates an account after the page's confirmation step; all its sessions end at once. */
export async function deactivateAccount(userId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await callGateway(deactivateUserOperation, { variables: { userId } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return failedForm(result.failure, values);
  }
  revalidatePath('/admin', 'layout');
  redirect('/admin/users?deactivated=1');
}

'use server';

import { redirect } from 'next/navigation';
import { callGateway } from '@/lib/gateway';
import { selectOrganisationOperation } from '@/lib/operations/identity';
import { SESSION_ENDED_PATH } from '@/lib/session';

/**
 * Plain form post (no client state), so it works without JavaScript; the outcome travels back in the
 * query string as a fixed code, never as free text.
 */
export async function selectOrganisation(formData: FormData): Promise<void> {
  const organisationId = formData.get('organisationId');
  if (typeof organisationId !== 'string' || organisationId.length === 0 || organisationId.length > 100) {
    redirect('/select-organisation?error=required');
  }
  const result = await callGateway(selectOrganisationOperation, { variables: { organisationId } });
  if (!result.ok) {
    if (result.failure.kind === 'UNAUTHENTICATED') redirect(SESSION_ENDED_PATH);
    redirect('/select-organisation?error=failed');
  }
  redirect('/');
}

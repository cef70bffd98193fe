'use server';

import { redirect } from 'next/navigation';
import { callGateway } from '@/lib/gateway';
import { logoutOperation } from '@/lib/operations/identity';
import { forgetSessionToken } from '@/lib/session-cookie-store';

/**
 * Revoke the session at identity, then forget the token. If identity cannot be reached the cookie is
 * still deleted: this browser is signed out either way, and the session expires on its own timeout.
 */
export async function logout(): Promise<void> {
  await callGateway(logoutOperation);
  await forgetSessionToken();
  redirect('/login?reason=logged-out');
}

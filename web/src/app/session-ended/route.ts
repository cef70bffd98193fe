import { callGateway } from '@/lib/gateway';
import { meOperation } from '@/lib/operations/identity';
import { forgetSessionToken } from '@/lib/session-cookie-store';

/**
 * The gateway no longer accepts the session (expired, revoked, user deactivated). Server components
 * cannot change cookies, so they send the browser here: forget the token, then sign in again.
 * Nothing is revoked here — the session has already ended on the identity side. Because any site can
 * make a browser GET this address, the cookie is only forgotten once the gateway confirms the session
 * is over; a live session stays signed in (no cross-site logout).
 */
export async function GET() {
  const check = await callGateway(meOperation);
  // Still signed in, or the gateway cannot tell right now: keep the cookie (the page shows any error).
  if (check.ok || check.failure.kind !== 'UNAUTHENTICATED') return new Response(null, { status: 303, headers: { Location: '/' } });
  await forgetSessionToken();
  // Relative, so the browser stays on the host it used (behind a proxy, the request URL may differ).
  return new Response(null, { status: 303, headers: { Location: '/login?reason=session-ended' } });
}

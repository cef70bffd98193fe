import { forgetSessionToken } from '@/lib/session-cookie-store';

/**
 * The gateway no longer accepts the session (expired, revoked, user deactivated). Server components
 * cannot change cookies, so they send the browser here: forget the token, then sign in again.
 * Nothing is revoked here — the session has already ended on the identity side.
 */
export async function GET() {
  await forgetSessionToken();
  // Relative, so the browser stays on the host it used (behind a proxy, the request URL may differ).
  return new Response(null, { status: 303, headers: { Location: '/login?reason=session-ended' } });
}

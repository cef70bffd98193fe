import { AppError } from '@haven/kit/src/errors';
import { HttpError } from '@haven/kit/src/http/body';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { isApiToken } from '@haven/kit/src/trust/api-token-format';
import type { PartKeys } from '@haven/kit/src/trust/keys';

/** Identity's answer to `resolve-session` and `resolve-token`: a fresh identity token, or null. */
export type ResolvedSession = { identityToken: string; expiresAt: string } | null;

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Turns the caller's bearer token into identity's short-lived signed identity. No Authorization
 * header means an anonymous caller (only public operations such as login pass the subgraphs); a
 * malformed, unknown, expired or revoked token is refused with 401 before anything is planned.
 *
 * Every token is resolved on every request — session tokens (hvs_…, people) with `resolve-session`, API tokens
 * (hvt_…, integrations) with `resolve-token` — so logout, revocation, expiry, deactivation and removal bite at
 * once on every gateway instance. (An identity cache for API tokens would save one identity round trip per
 * integration call, and let a revoked token work on for its lifetime: not worth it at Haven's volumes.)
 */
export async function resolveCaller(
  authorization: string | undefined,
  deps: { keys: PartKeys; identityBaseUrl: string; requestId: string },
): Promise<string | null> {
  if (authorization === undefined || authorization === '') return null;
  const token = BEARER.exec(authorization.trim())?.[1];
  if (!token) throw signInAgain();
  const apiToken = isApiToken(token);
  let resolved: ResolvedSession;
  try {
    resolved = await callInternal<ResolvedSession>({
      keys: deps.keys,
      target: 'identity',
      baseUrl: deps.identityBaseUrl,
      route: apiToken ? 'resolve-token' : 'resolve-session',
      body: { token },
      identityToken: null,
      requestId: deps.requestId,
    });
  } catch (error) {
    if (error instanceof AppError && error.extensions.code !== 'SERVICE_UNAVAILABLE') throw signInAgain();
    throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'Sign-in could not be checked; try again');
  }
  if (!resolved || typeof resolved.identityToken !== 'string') throw signInAgain();
  return resolved.identityToken;
}

function signInAgain() {
  return new HttpError(401, 'UNAUTHENTICATED', 'Your session is not valid; sign in again');
}

import { AppError } from '@haven/kit/src/errors';
import { HttpError } from '@haven/kit/src/http/body';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { isApiToken } from '@haven/kit/src/trust/api-token-format';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { TokenCache } from './token-cache';

/** Identity's answer to `resolve-session` and `resolve-token`: a fresh identity token, or null. */
export type ResolvedSession = { identityToken: string; expiresAt: string } | null;

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Turns the caller's bearer token into identity's short-lived signed identity. No Authorization
 * header means an anonymous caller (only public operations such as login pass the subgraphs); a
 * malformed, unknown, expired or revoked token is refused with 401 before anything is planned.
 *
 * Session tokens (hvs_…, people) are resolved on every request, so logout bites at once. API tokens
 * (hvt_…, integrations) go to `resolve-token` and their identity is reused from `apiTokens` for at most
 * TOKEN_CACHE_TTL_MS: an integration may call many times a second, and revocation may take up to a minute.
 */
export async function resolveCaller(
  authorization: string | undefined,
  deps: { keys: PartKeys; identityBaseUrl: string; requestId: string; apiTokens: TokenCache },
): Promise<string | null> {
  if (authorization === undefined || authorization === '') return null;
  const token = BEARER.exec(authorization.trim())?.[1];
  if (!token) throw signInAgain();
  const apiToken = isApiToken(token);
  if (apiToken) {
    const cached = deps.apiTokens.get(token);
    if (cached) return cached;
  }
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
  if (apiToken) deps.apiTokens.set(token, resolved.identityToken, Date.parse(resolved.expiresAt));
  return resolved.identityToken;
}

function signInAgain() {
  return new HttpError(401, 'UNAUTHENTICATED', 'Your session is not valid; sign in again');
}

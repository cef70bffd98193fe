import { badInput } from '@haven/kit/src/errors';
import type { InternalRoute } from '@haven/kit/src/http/subgraph-server';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { SessionSettings } from './config';
import type { IdentityDb } from './db';
import { checkCoordinator } from './domain/coordinator-check';
import { resolveApiToken } from './domain/resolve-api-token';
import { resolveSession } from './domain/resolve-session';

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badInput('body', 'Body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * Identity's routes outside the public supergraph: POST /internal/<name>, signed with the calling part's
 * own key (kit/http/internal-client.ts callInternal). Any other caller: HTTP 401.
 *
 *   POST /internal/resolve-session      gateway only, anonymous by definition (it asks who a token belongs to)
 *     { token } → 200 { result: { identityToken, expiresAt } | null }
 *   POST /internal/resolve-token        gateway only, anonymous: an integration's API token (hvt_…)
 *     { token } → 200 { result: { identityToken, expiresAt } | null }   null: unknown, wrong secret, revoked, expired
 *   POST /internal/coordinator-check    cases only, with the end user's identity (a coordinator of that organisation)
 *     { userId, organisationId: uuid } → 200 { result: { isCoordinator: boolean } }
 *     422 BAD_USER_INPUT (not uuids) · 422 FORBIDDEN (the caller is not a coordinator of that organisation)
 */
export function identityInternalRoutes(db: IdentityDb, keys: PartKeys, sessions: SessionSettings): Record<string, InternalRoute> {
  return {
    'resolve-session': {
      callers: ['gateway'],
      requiresIdentity: false,
      handle: async (body) => {
        const token = (body as { token?: unknown } | null)?.token;
        if (typeof token !== 'string') throw badInput('token', 'Body must be { token: string }');
        return resolveSession(db, keys, sessions, token);
      },
    },
    'resolve-token': {
      callers: ['gateway'],
      requiresIdentity: false,
      handle: async (body) => {
        const token = (body as { token?: unknown } | null)?.token;
        if (typeof token !== 'string') throw badInput('token', 'Body must be { token: string }');
        return resolveApiToken(db, keys, token);
      },
    },
    'coordinator-check': {
      callers: ['cases'],
      requiresIdentity: true,
      handle: (body, ctx) => checkCoordinator(db, ctx.caller, objectBody(body)),
    },
  };
}

import { badInput } from '@haven/kit/src/errors';
import { createDbSubgraphServer, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { InternalRoute } from '@haven/kit/src/http/subgraph-server';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './config';
import type { IdentityContext } from './context';
import type { IdentityDb } from './db';
import { resolveSession } from './domain/resolve-session';
import { buildIdentitySchema } from './schema';

export interface IdentityServerOptions extends DbSubgraphDeps<IdentityDb> {
  sessions?: SessionSettings;
}

/** Builds the identity subgraph server for a given database and keys; tests listen on port 0. */
export function createIdentityServer(options: IdentityServerOptions) {
  const { sessions = DEFAULT_SESSION_SETTINGS, ...deps } = options;
  return createDbSubgraphServer<IdentityDb, IdentityContext>({
    name: 'identity',
    schema: buildIdentitySchema(),
    ...deps,
    extendContext: (base) => ({ ...base, sessions, loggedIn: null }),
    internalRoutes: { 'resolve-session': resolveSessionRoute(deps.db, deps.keys, sessions) },
  });
}

/**
 * POST /internal/resolve-session, gateway only: `{ token }` → `{ identityToken, expiresAt }` or null.
 * The caller is anonymous by definition (it is asking who the token belongs to).
 */
function resolveSessionRoute(db: IdentityDb, keys: PartKeys, sessions: SessionSettings): InternalRoute {
  return {
    callers: ['gateway'],
    requiresIdentity: false,
    handle: async (body) => {
      const token = (body as { token?: unknown } | null)?.token;
      if (typeof token !== 'string') throw badInput('token', 'Body must be { token: string }');
      return resolveSession(db, keys, sessions, token);
    },
  };
}

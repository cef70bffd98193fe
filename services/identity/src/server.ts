import { AppError } from '@haven/kit/src/errors';
import { createSubgraphServer, type InternalRoute } from '@haven/kit/src/http/subgraph-server';
import type { Logger } from '@haven/kit/src/log';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './config';
import type { IdentityContext } from './context';
import type { IdentityDb } from './db';
import { resolveSession } from './domain/resolve-session';
import { buildIdentitySchema } from './schema';

export interface IdentityServerOptions {
  db: IdentityDb;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
  sessions?: SessionSettings;
}

/** Builds the identity subgraph server for a given database and keys; tests listen on port 0. */
export function createIdentityServer(options: IdentityServerOptions) {
  const sessions = options.sessions ?? DEFAULT_SESSION_SETTINGS;
  return createSubgraphServer<IdentityContext>({
    name: 'identity',
    schema: buildIdentitySchema(),
    keys: options.keys,
    log: options.log,
    introspection: options.introspection,
    extendContext: (base) => ({ ...base, db: options.db, sessions, loggedIn: null }),
    internalRoutes: { 'resolve-session': resolveSessionRoute(options.db, options.keys, sessions) },
    ready: async () => {
      await options.db.$queryRaw`SELECT 1`;
    },
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
      if (typeof token !== 'string') throw new AppError('BAD_USER_INPUT', 'Body must be { token: string }');
      return resolveSession(db, keys, sessions, token);
    },
  };
}

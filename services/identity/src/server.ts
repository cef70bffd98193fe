import type { GraphQLSchema } from 'graphql';
import { createDbSubgraphServer, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './config';
import type { IdentityContext } from './context';
import type { IdentityDb } from './db';
import { DEFAULT_ACCOUNT_MAIL_SETTINGS, type AccountMailSettings } from './domain/account-mail';
import { totpSecretBox } from './domain/totp-secret-box';
import { identityInternalRoutes } from './internal-routes';
import { buildIdentitySchema } from './schema';

export interface IdentityServerOptions extends DbSubgraphDeps<IdentityDb> {
  sessions?: SessionSettings;
  accountMail?: AccountMailSettings;
  /** Benchmarks only: another build of this subgraph's schema (e.g. without its permission map). */
  schema?: GraphQLSchema;
}

/** Builds the identity subgraph server for a given database and keys; tests listen on port 0. */
export function createIdentityServer(options: IdentityServerOptions) {
  const { sessions = DEFAULT_SESSION_SETTINGS, accountMail = DEFAULT_ACCOUNT_MAIL_SETTINGS, schema, ...deps } = options;
  const totpBox = totpSecretBox(deps.keys.privateKey);
  return createDbSubgraphServer<IdentityDb, IdentityContext>({
    name: 'identity',
    schema: schema ?? buildIdentitySchema(),
    ...deps,
    extendContext: (base) => ({ ...base, sessions, totpBox, accountMail, loggedIn: null }),
    internalRoutes: identityInternalRoutes(deps.db, deps.keys, sessions),
  });
}

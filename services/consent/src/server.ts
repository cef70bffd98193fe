import type { GraphQLSchema } from 'graphql';
import { createDbSubgraphServer, type DbContext, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { ConsentContext } from './context';
import type { ConsentDb } from './db';
import { consentInternalRoutes } from './internal-routes';
import { buildConsentSchema } from './schema';
import type { ConsentSettings } from './settings';

/**
 * `settings` tells consent where cases listens. Without them reads and decisions work, but recording or
 * withdrawing consent answers SERVICE_UNAVAILABLE: whose case it is cannot be checked (fail closed).
 */
export type ConsentServerOptions = DbSubgraphDeps<ConsentDb> & {
  settings?: ConsentSettings;
  /** Benchmarks only: another build of this subgraph's schema (e.g. without its permission map). */
  schema?: GraphQLSchema;
};

/** Builds the consent subgraph server for a given database and keys; tests listen on port 0. */
export function createConsentServer(options: ConsentServerOptions) {
  const { settings, schema, ...deps } = options;
  return createDbSubgraphServer<ConsentDb, ConsentContext>({
    name: 'consent',
    schema: schema ?? buildConsentSchema(),
    ...deps,
    extendContext: (base: DbContext<ConsentDb>) => ({ ...base, settings, keys: deps.keys }),
    internalRoutes: consentInternalRoutes(deps.db),
  });
}

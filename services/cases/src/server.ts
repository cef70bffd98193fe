import type { GraphQLSchema } from 'graphql';
import { createDbSubgraphServer, type DbContext, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { CasesContext } from './context';
import type { CasesDb } from './db';
import { casesInternalRoutes } from './internal-routes';
import { buildCasesSchema } from './schema';
import type { CasesSettings } from './settings';

export type CasesServerOptions = DbSubgraphDeps<CasesDb> & {
  settings: CasesSettings;
  /** Benchmarks only: another build of this subgraph's schema (e.g. without its permission map). */
  schema?: GraphQLSchema;
};

/** Builds the cases subgraph server for a given database, keys and settings; tests listen on port 0. */
export function createCasesServer(options: CasesServerOptions) {
  const { settings, schema, ...deps } = options;
  return createDbSubgraphServer<CasesDb, CasesContext>({
    name: 'cases',
    schema: schema ?? buildCasesSchema(),
    ...deps,
    extendContext: (base: DbContext<CasesDb>) => ({ ...base, settings, keys: deps.keys }),
    internalRoutes: casesInternalRoutes(deps.db),
  });
}

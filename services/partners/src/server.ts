import type { GraphQLSchema } from 'graphql';
import { createDbSubgraphServer, type DbContext, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import { DEFAULT_CAPACITY_STALE_DAYS } from './config';
import type { PartnersContext } from './context';
import type { PartnersDb } from './db';
import { partnersInternalRoutes } from './internal-routes';
import { buildPartnersSchema } from './schema';

export type PartnersServerOptions = DbSubgraphDeps<PartnersDb> & {
  /** Capacity not confirmed for this many days is flagged stale (HAVEN_CAPACITY_STALE_DAYS). */
  capacityStaleDays?: number;
  /** Benchmarks only: another build of this subgraph's schema (e.g. without its permission map). */
  schema?: GraphQLSchema;
};

/** Builds the partners subgraph server for a given database and keys; tests listen on port 0. */
export function createPartnersServer(options: PartnersServerOptions) {
  const { capacityStaleDays = DEFAULT_CAPACITY_STALE_DAYS, schema, ...deps } = options;
  const settings = { capacityStaleDays };
  return createDbSubgraphServer<PartnersDb, PartnersContext>({
    name: 'partners',
    schema: schema ?? buildPartnersSchema(),
    ...deps,
    extendContext: (base: DbContext<PartnersDb>) => ({ ...base, settings }),
    internalRoutes: partnersInternalRoutes(deps.db),
  });
}

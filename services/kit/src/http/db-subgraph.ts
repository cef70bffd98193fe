import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../log';
import type { PartMetrics } from '../metrics/part-metrics';
import type { SubgraphName } from '../taxonomy';
import type { PartKeys } from '../trust/keys';
import { createSubgraphServer, type InternalRoute, type RequestContext } from './subgraph-server';

/** What a database-backed subgraph needs from outside: tests pass their own, runSubgraph reads config. */
export interface DbSubgraphDeps<Db> {
  db: Db;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
  /** Request and pool metrics; only when the part serves them (HAVEN_METRICS_PORT). */
  metrics?: PartMetrics;
}

/** Enough of a Prisma client to answer the readiness probe. */
export interface ReadinessDb {
  $queryRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<unknown>;
}

export type DbContext<Db> = RequestContext & { db: Db };

export interface DbSubgraphServerOptions<Db extends ReadinessDb, Ctx extends DbContext<Db>> extends DbSubgraphDeps<Db> {
  name: SubgraphName;
  schema: GraphQLSchema;
  /** Adds to `{ ...base, db }` once per request (settings, per-request state); by default nothing. */
  extendContext?(base: DbContext<Db>): Ctx;
  internalRoutes?: Record<string, InternalRoute>;
}

/**
 * A subgraph whose resolvers find their Prisma client at `ctx.db` and that is ready when that database
 * answers. Each service's create<Service>Server names itself and its schema and hands the rest here.
 */
export function createDbSubgraphServer<Db extends ReadinessDb, Ctx extends DbContext<Db> = DbContext<Db>>(
  options: DbSubgraphServerOptions<Db, Ctx>,
) {
  const { db, extendContext, ...rest } = options;
  return createSubgraphServer<Ctx>({
    ...rest,
    extendContext: (base) => {
      const withDb: DbContext<Db> = { ...base, db };
      return extendContext ? extendContext(withDb) : (withDb as Ctx);
    },
    ready: async () => {
      await db.$queryRaw`SELECT 1`;
    },
  });
}

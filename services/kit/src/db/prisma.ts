import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import type { PoolStats } from '../metrics/part-metrics';

/**
 * The driver adapter for one service: its own role, its own namespace. Models are unqualified in
 * schema.prisma; the adapter qualifies them with `schema`. The pool is made here rather than by the adapter
 * so that the pool metrics can read it; the adapter still ends it on $disconnect.
 */
export function serviceAdapter(connectionString: string, schema: string, max = 10, options: DbOptions = {}) {
  const pool = new Pool({ connectionString, max, application_name: `haven-${schema}` });
  options.onPool?.(pool);
  return new PrismaPg(pool, { schema, disposeExternalPool: true });
}

export interface DbOptions {
  /** Called once per SQL statement the client sends (tests count statements with it: no N+1). */
  onQuery?: () => void;
  /** Handed the connection pool once it exists (the pool gauges watch it). */
  onPool?: (pool: PoolStats) => void;
}

/** The PrismaClient options for `options`: query events only when someone listens (they cost a little). */
export function queryEventOptions(options: DbOptions) {
  return options.onQuery ? { log: [{ emit: 'event' as const, level: 'query' as const }] } : {};
}

/** Subscribes `options.onQuery` to the client's query events (the client must be built with queryEventOptions). */
export function listenToQueries<Client>(client: Client, options: DbOptions): Client {
  if (options.onQuery) (client as unknown as { $on(event: 'query', listener: () => void): void }).$on('query', options.onQuery);
  return client;
}

import { createSubgraphServer } from '@haven/kit/src/http/subgraph-server';
import type { Logger } from '@haven/kit/src/log';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { CasesDb } from './db';
import { buildCasesSchema } from './schema';

export interface CasesServerOptions {
  db: CasesDb;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
}

/** Builds the cases subgraph server for a given database and keys; tests listen on port 0. */
export function createCasesServer(options: CasesServerOptions) {
  return createSubgraphServer({
    name: 'cases',
    schema: buildCasesSchema(),
    keys: options.keys,
    log: options.log,
    introspection: options.introspection,
    extendContext: (base) => ({ ...base, db: options.db }),
    ready: async () => {
      await options.db.$queryRaw`SELECT 1`;
    },
  });
}

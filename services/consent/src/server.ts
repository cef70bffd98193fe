import { createSubgraphServer } from '@haven/kit/src/http/subgraph-server';
import type { Logger } from '@haven/kit/src/log';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { ConsentDb } from './db';
import { buildConsentSchema } from './schema';

export interface ConsentServerOptions {
  db: ConsentDb;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
}

/** Builds the consent subgraph server for a given database and keys; tests listen on port 0. */
export function createConsentServer(options: ConsentServerOptions) {
  return createSubgraphServer({
    name: 'consent',
    schema: buildConsentSchema(),
    keys: options.keys,
    log: options.log,
    introspection: options.introspection,
    extendContext: (base) => ({ ...base, db: options.db }),
    ready: async () => {
      await options.db.$queryRaw`SELECT 1`;
    },
  });
}


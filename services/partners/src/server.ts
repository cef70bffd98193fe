import { createSubgraphServer } from '@haven/kit/src/http/subgraph-server';
import type { Logger } from '@haven/kit/src/log';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { PartnersDb } from './db';
import { buildPartnersSchema } from './schema';

export interface PartnersServerOptions {
  db: PartnersDb;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
}

/** Builds the partners subgraph server for a given database and keys; tests listen on port 0. */
export function createPartnersServer(options: PartnersServerOptions) {
  return createSubgraphServer({
    name: 'partners',
    schema: buildPartnersSchema(),
    keys: options.keys,
    log: options.log,
    introspection: options.introspection,
    extendContext: (base) => ({ ...base, db: options.db }),
    ready: async () => {
      await options.db.$queryRaw`SELECT 1`;
    },
  });
}

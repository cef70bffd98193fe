import { createDbSubgraphServer, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { PartnersDb } from './db';
import { buildPartnersSchema } from './schema';

export type PartnersServerOptions = DbSubgraphDeps<PartnersDb>;

/** Builds the partners subgraph server for a given database and keys; tests listen on port 0. */
export function createPartnersServer(options: PartnersServerOptions) {
  return createDbSubgraphServer({ name: 'partners', schema: buildPartnersSchema(), ...options });
}

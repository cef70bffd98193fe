import { createDbSubgraphServer, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { ConsentDb } from './db';
import { buildConsentSchema } from './schema';

export type ConsentServerOptions = DbSubgraphDeps<ConsentDb>;

/** Builds the consent subgraph server for a given database and keys; tests listen on port 0. */
export function createConsentServer(options: ConsentServerOptions) {
  return createDbSubgraphServer({ name: 'consent', schema: buildConsentSchema(), ...options });
}

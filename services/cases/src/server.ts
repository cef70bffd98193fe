import { createDbSubgraphServer, type DbSubgraphDeps } from '@haven/kit/src/http/db-subgraph';
import type { CasesDb } from './db';
import { buildCasesSchema } from './schema';

export type CasesServerOptions = DbSubgraphDeps<CasesDb>;

/** Builds the cases subgraph server for a given database and keys; tests listen on port 0. */
export function createCasesServer(options: CasesServerOptions) {
  return createDbSubgraphServer({ name: 'cases', schema: buildCasesSchema(), ...options });
}

import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { ConsentDb } from './db';

export interface ConsentContext extends RequestContext {
  db: ConsentDb;
}

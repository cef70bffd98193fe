import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { PartnersDb } from './db';

export interface PartnersContext extends RequestContext {
  db: PartnersDb;
}

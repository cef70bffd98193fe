import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { PartnersDb } from './db';

export interface PartnersSettings {
  /** Capacity not confirmed for this many days is flagged stale. */
  capacityStaleDays: number;
}

export interface PartnersContext extends RequestContext {
  db: PartnersDb;
  settings: PartnersSettings;
}

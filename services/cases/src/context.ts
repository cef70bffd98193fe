import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { CasesDb } from './db';

export interface CasesContext extends RequestContext {
  db: CasesDb;
}

import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { CasesDb } from './db';
import type { CasesSettings } from './settings';

export interface CasesContext extends RequestContext {
  db: CasesDb;
  settings: CasesSettings;
  /** This part's keys, for signing internal calls to partners and identity. */
  keys: PartKeys;
}

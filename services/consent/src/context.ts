import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { ConsentDb } from './db';
import type { ConsentSettings } from './settings';

export interface ConsentContext extends RequestContext {
  db: ConsentDb;
  /** Absent only where a server was built without them: calls to cases then fail closed. */
  settings?: ConsentSettings;
  /** This part's keys, for signing internal calls to cases. */
  keys?: PartKeys;
}

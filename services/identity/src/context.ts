import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { SessionSettings } from './config';
import type { IdentityDb } from './db';

export interface IdentityContext extends RequestContext {
  db: IdentityDb;
  sessions: SessionSettings;
  /**
   * Set by `login` for the rest of this request, so the login payload can show the user their own
   * data although the request itself arrived anonymous. Never consulted by operation-level rules.
   */
  loggedIn: { userId: string } | null;
}

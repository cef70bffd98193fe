import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { SessionSettings } from './config';
import type { IdentityDb } from './db';
import type { AccountMailSettings } from './domain/account-mail';
import type { TotpSecretBox } from './domain/totp-secret-box';

export interface IdentityContext extends RequestContext {
  db: IdentityDb;
  sessions: SessionSettings;
  /** Seals and opens TOTP secrets with a key derived from identity's own private key. */
  totpBox: TotpSecretBox;
  /** Where the links in invitation and reset mails point. */
  accountMail: AccountMailSettings;
  /**
   * Set by `login` for the rest of this request, so the login payload can show the user their own
   * data although the request itself arrived anonymous. Never consulted by operation-level rules.
   */
  loggedIn: { userId: string } | null;
}

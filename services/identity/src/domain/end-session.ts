import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { isUuid } from '@haven/kit/src/graphql/uuid';

/** Logout: revokes the caller's own session at once; the next gateway request resolves to nobody. */
export async function endSession(db: Pick<IdentityDb, 'session'>, caller: Identity, now = new Date()): Promise<void> {
  if (caller.kind !== 'user' || !isUuid(caller.sessionId)) return;
  await db.session.updateMany({
    where: { id: caller.sessionId, userId: caller.subject, revokedAt: null },
    data: { revokedAt: now },
  });
}

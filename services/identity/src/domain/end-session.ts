import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { identityEvent } from './audit-event';

/**
 * Logout: revokes the caller's own session at once; the next gateway request resolves to nobody. Audited
 * ('session.logout', subjectId = the session) only when a live session was actually ended.
 */
export async function endSession(db: IdentityDb, caller: Identity, now = new Date(), requestId: string | null = null): Promise<void> {
  if (caller.kind !== 'user' || !isUuid(caller.sessionId)) return;
  await db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({
      where: { id: caller.sessionId, userId: caller.subject, revokedAt: null },
      data: { revokedAt: now },
    });
    if (ended.count === 1) await writeAuditEvents(tx, [identityEvent(caller, requestId, 'session.logout', caller.sessionId)]);
  });
}

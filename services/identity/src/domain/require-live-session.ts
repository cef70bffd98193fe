import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { isSessionLive } from './live-session';
import { isUuid } from '@haven/kit/src/graphql/uuid';

export const sessionEnded = () => new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again');

/**
 * Identity tokens live for minutes; the session can end sooner (logout elsewhere, deactivation).
 * Operations on the session itself check the stored session, not just the token.
 */
export async function requireLiveSession(
  db: Pick<IdentityDb, 'session'>,
  settings: SessionSettings,
  caller: Identity,
  now: Date,
): Promise<void> {
  if (caller.kind !== 'user' || !isUuid(caller.sessionId)) throw sessionEnded();
  const session = await db.session.findUnique({
    where: { id: caller.sessionId },
    select: { userId: true, revokedAt: true, expiresAt: true, lastSeenAt: true },
  });
  if (!session || session.userId !== caller.subject || !isSessionLive(session, settings, now)) throw sessionEnded();
}

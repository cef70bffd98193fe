import type { SessionSettings } from '../config';

export interface SessionState {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Not revoked, within its absolute lifetime, and used recently enough (idle timeout). */
export function isSessionLive(session: SessionState, settings: SessionSettings, now: Date): boolean {
  if (session.revokedAt !== null) return false;
  if (session.expiresAt.getTime() <= now.getTime()) return false;
  return session.lastSeenAt.getTime() + settings.idleTimeoutMs > now.getTime();
}

/** lastSeenAt is written at most this often per session: one write a minute, not one per request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

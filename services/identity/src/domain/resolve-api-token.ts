import { API_SCOPES } from '@haven/kit/src/taxonomy';
import { parseApiToken } from '@haven/kit/src/trust/api-token-format';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { IDENTITY_TTL_SECONDS, signIdentity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import { secretMatches } from './api-token-secret';
import type { ResolvedSession } from './resolve-session';

/** lastUsedAt is a hint for admins ("is this token still used?"), not a log: one write a minute is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns an API token into a signed integration identity: kind 'integration', subject and session = the
 * token's id, the token's organisation, no roles, its scopes. Null — the gateway answers 401 — when the
 * token is malformed, unknown, its secret does not match, it is revoked or expired, or its organisation
 * is deactivated or not a partner organisation, or the person who created it is deactivated or no longer a member
 * there (deactivation and removal revoke such tokens too, end-user-access.ts; this check holds should that ever
 * be missed). The identity never outlives the token's expiry.
 */
export async function resolveApiToken(db: IdentityDb, keys: PartKeys, token: string, now = new Date()): Promise<ResolvedSession | null> {
  const parsed = parseApiToken(token);
  if (!parsed) return null;
  const row = await db.apiToken.findUnique({
    where: { id: parsed.id },
    select: {
      id: true,
      organisationId: true,
      scopes: true,
      tokenHash: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdByUserId: true,
      organisation: { select: { active: true, kind: true } },
    },
  });
  if (!row || !secretMatches(parsed.secret, row.tokenHash)) return null;
  if (row.revokedAt || !row.organisation.active || row.organisation.kind !== 'PARTNER') return null;
  if (!(await creatorStillBelongs(db, row.createdByUserId, row.organisationId))) return null;
  const secondsLeft = row.expiresAt ? Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000) : IDENTITY_TTL_SECONDS;
  const ttlSeconds = Math.min(IDENTITY_TTL_SECONDS, secondsLeft);
  if (ttlSeconds < 1) return null;

  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  // Scopes outside today's list (a scope retired from the code) are never signed.
  const scopes = API_SCOPES.filter((s) => row.scopes.includes(s));
  const identityToken = await signIdentity(
    keys.privateKey,
    { subject: row.id, kind: 'integration', sessionId: row.id, organisationId: row.organisationId, roles: [], scopes },
    ttlSeconds,
  );
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000).toISOString();
  return { identityToken, expiresAt };
}

function creatorStillBelongs(db: IdentityDb, userId: string, organisationId: string): Promise<boolean> {
  return db.membership
    .findFirst({ where: { userId, organisationId, user: { active: true } }, select: { id: true } })
    .then((membership) => membership !== null);
}

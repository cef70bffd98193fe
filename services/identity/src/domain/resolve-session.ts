import type { PartKeys } from '@haven/kit/src/trust/keys';
import { IDENTITY_TTL_SECONDS, signIdentity } from '@haven/kit/src/trust/tokens';
import { roleFitsOrganisationKind, type Role } from '@haven/kit/src/taxonomy';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { isSessionLive, LAST_SEEN_RESOLUTION_MS } from './live-session';
import { rolesForSession } from './second-factor-roles';
import { hashSessionToken, looksLikeSessionToken } from './session-token';

/** The gateway's contract: a short-lived signed identity, or null when the token opens nothing. */
export interface ResolvedSession {
  identityToken: string;
  /** When the identity token expires (ISO-8601); never after the session's absolute lifetime. */
  expiresAt: string;
}

/**
 * Turns a session token into a signed identity for one request. Null when the token is unknown,
 * revoked, past its idle or absolute lifetime, or its user or active organisation is deactivated:
 * the gateway then answers 401 UNAUTHENTICATED, so a client knows its session ended.
 */
export async function resolveSession(
  db: IdentityDb,
  keys: PartKeys,
  settings: SessionSettings,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  if (!looksLikeSessionToken(token)) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      userId: true,
      activeOrganisationId: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      secondFactorAt: true,
      user: { select: { active: true, memberships: { select: { organisationId: true, role: true } } } },
      activeOrganisation: { select: { active: true, kind: true } },
    },
  });
  if (!session || !isSessionLive(session, settings, now) || !session.user.active) return null;
  if (session.activeOrganisation && !session.activeOrganisation.active) return null;

  const secondsLeft = Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000);
  const ttlSeconds = Math.min(IDENTITY_TTL_SECONDS, secondsLeft);
  if (ttlSeconds < 1) return null;

  await db.session.updateMany({
    where: { id: session.id, revokedAt: null, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS) } },
    data: { lastSeenAt: now },
  });

  // A membership removed after the organisation was chosen takes the organisation (and its roles) away.
  // A role that does not fit the organisation's kind is never signed, whatever the rows say: the database
  // refuses such a membership (migration login_throttle_and_role_fit), and this holds if that ever fails.
  // NETWORK_ADMIN and AUDITOR need a session that proved a second factor (second-factor-roles.ts): a password-only
  // session of such a person carries neither, so it can enrol (any signed-in user may) and nothing more.
  const kind = session.activeOrganisation?.kind;
  const roles = rolesForSession(
    [
      ...new Set(
        session.user.memberships
          .filter((m) => m.organisationId === session.activeOrganisationId && kind !== undefined && roleFitsOrganisationKind(m.role, kind))
          .map((m) => m.role as Role),
      ),
    ],
    session.secondFactorAt,
  );
  const organisationId = roles.length > 0 ? session.activeOrganisationId : null;
  const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttlSeconds) * 1000).toISOString();
  const identityToken = await signIdentity(
    keys.privateKey,
    { subject: session.userId, kind: 'user', sessionId: session.id, organisationId, roles: organisationId ? roles : [], scopes: [] },
    ttlSeconds,
  );
  return { identityToken, expiresAt };
}

import { writeAuditEvents, type AuditEventInput } from '@haven/kit/src/audit/write';
import { roleFitsOrganisationKind, type OrganisationKind, type Role } from '@haven/kit/src/taxonomy';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { signInEvent } from './audit-event';
import { rolesForSession } from './second-factor-roles';
import { hashSessionToken, newSessionToken } from './session-token';

export interface OpenedSession {
  /** The secret, shown once; the database keeps only its hash. */
  sessionToken: string;
  sessionId: string;
  userId: string;
  /** Chosen automatically when the user belongs to exactly one (active) organisation; else null. */
  activeOrganisationId: string | null;
}

export interface SignInMembership {
  organisationId: string;
  role: Role;
  organisation: { kind: OrganisationKind };
}

/** The memberships a session may be opened with: those in active organisations (as login selects them). */
export const SIGN_IN_MEMBERSHIPS = {
  where: { organisation: { active: true } },
  select: { organisationId: true, role: true, organisation: { select: { kind: true } } },
} as const;

/**
 * The last step of every sign-in (password alone, or password and second factor): a new session, the organisation
 * chosen when there is only one, 'session.login' audited with the roles the session will carry there, and
 * `beforeSession` (forgiving throttled failures, spending the challenge) in the same transaction; the audit events
 * it returns are written with 'session.login'. Whatever it throws rolls the whole sign-in back. `secondFactorAt` marks a
 * session whose sign-in included a TOTP or recovery code (completeLogin); null for a password alone.
 */
export async function openSession(
  db: IdentityDb,
  settings: SessionSettings,
  user: { id: string; memberships: SignInMembership[] },
  now: Date,
  secondFactorAt: Date | null,
  requestId: string | null,
  beforeSession: (tx: Prisma.TransactionClient) => Promise<AuditEventInput[] | void>,
): Promise<OpenedSession> {
  const fits = (m: SignInMembership) => roleFitsOrganisationKind(m.role, m.organisation.kind);
  const organisationIds = [...new Set(user.memberships.filter(fits).map((m) => m.organisationId))];
  const activeOrganisationId = organisationIds.length === 1 ? organisationIds[0]! : null;
  const sessionToken = newSessionToken();
  // The roles the session's identity will carry in that organisation (only those fitting its kind, as resolve-session signs).
  const fitting = user.memberships.filter((m) => m.organisationId === activeOrganisationId && fits(m));
  const role = rolesForSession([...new Set(fitting.map((m) => m.role))], secondFactorAt).sort().join(',') || null;
  const session = await db.$transaction(async (tx) => {
    const extraEvents = (await beforeSession(tx)) ?? [];
    const created = await tx.session.create({
      data: {
        tokenHash: hashSessionToken(sessionToken),
        userId: user.id,
        activeOrganisationId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings.maxLifetimeMs),
        secondFactorAt,
      },
      select: { id: true },
    });
    // Last statement: the audit chain's lock is held until commit.
    await writeAuditEvents(tx, [...extraEvents, signInEvent(requestId, 'session.login', { userId: user.id, organisationId: activeOrganisationId, role })]);
    return created;
  });
  return { sessionToken, sessionId: session.id, userId: user.id, activeOrganisationId };
}

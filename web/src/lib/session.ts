import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { callGateway, type GatewayFailure } from './gateway';
import { meOperation, type Membership, type SessionUser } from './operations/identity';
import { readSessionToken } from './session-cookie';
import type { OrganisationKind, Role } from './vocabulary';

export type SessionOrganisation = { id: string; name: string; kind: OrganisationKind };

export type Session = {
  user: SessionUser;
  activeOrganisation: SessionOrganisation | null;
  /** Roles in the active organisation (empty before one is chosen). */
  roles: Role[];
  /** Every organisation the user belongs to, once each, in name order. */
  organisations: SessionOrganisation[];
  memberships: Membership[];
  /**
   * A network admin or auditor whose session has no second factor: identity withholds those roles, and the portal
   * shows only the set-up of two-step sign-in (/login/two-step-setup) until it has one.
   */
  secondFactorOwed: boolean;
};

/** Where a server component goes when the session has ended: a route handler that may clear the cookie. */
export const SESSION_ENDED_PATH = '/session-ended';

/**
 * The signed-in user as the gateway sees them, read once per request. No cookie → /login; a session the
 * gateway no longer accepts → /session-ended (clears the cookie, then /login). Any other failure is
 * returned, for the page to show calmly.
 */
export const loadSession = cache(async (): Promise<{ ok: true; session: Session } | { ok: false; failure: GatewayFailure }> => {
  if (!readSessionToken(await cookies())) redirect('/login');
  const result = await callGateway(meOperation);
  if (!result.ok) {
    if (result.failure.kind === 'UNAUTHENTICATED') redirect(SESSION_ENDED_PATH);
    return result;
  }
  const me = result.data.me;

  const organisations = new Map<string, SessionOrganisation>();
  for (const membership of me.memberships) organisations.set(membership.organisation.id, membership.organisation);
  return {
    ok: true,
    session: {
      user: me.user,
      activeOrganisation: me.activeOrganisation,
      roles: me.activeOrganisation ? [...new Set(me.roles)] : [],
      organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
      memberships: me.memberships,
      secondFactorOwed: me.twoFactor.required && !me.twoFactor.thisSession,
    },
  };
});

/** A page's data failed: an ended session leaves, anything else is shown by the caller. */
export function leaveIfSessionEnded(failure: GatewayFailure): void {
  if (failure.kind === 'UNAUTHENTICATED') redirect(SESSION_ENDED_PATH);
}

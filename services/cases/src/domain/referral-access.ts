import type { Identity } from '@haven/kit/src/trust/tokens';
import type { ReferralState } from '../generated/prisma/enums';

/** The two parties of a referral: the coordinating organisation's coordinators, the receiving organisation's staff. */
export type ReferralSide = 'COORDINATOR' | 'PARTNER';

/**
 * Which side of a referral the caller is on, or null (then they see nothing of it). Read from the
 * referral row alone (it carries both organisations), so list, by-id, nested and `_entities` paths
 * all answer the same.
 */
export function referralSideOf(
  caller: Identity | null,
  referral: { organisationId?: string | null; coordinatingOrganisationId?: string | null } | null | undefined,
): ReferralSide | null {
  const organisationId = caller?.organisationId;
  if (!caller || !organisationId || !referral) return null;
  // An integration token acts for its partner organisation only, and only with a referral or message scope;
  // which operations it may use is the operation rules' business (roleOrScope in rules/).
  if (caller.kind === 'integration') {
    const scoped = caller.scopes.some((scope) => (INTEGRATION_SCOPES as readonly string[]).includes(scope));
    return scoped && referral.organisationId === organisationId ? 'PARTNER' : null;
  }
  if (caller.roles.includes('COORDINATOR') && referral.coordinatingOrganisationId === organisationId) return 'COORDINATOR';
  const partnerRole = caller.roles.includes('PARTNER_STAFF') || caller.roles.includes('PARTNER_ADMIN');
  if (partnerRole && referral.organisationId === organisationId) return 'PARTNER';
  return null;
}

/** The scopes that make an integration token a party to its organisation's referrals. */
export const INTEGRATION_SCOPES = ['referrals:read', 'referrals:write', 'messages:read', 'messages:write'] as const;

/** States in which the receiving organisation has the person (or is about to): a slot is held. */
export const HOLDING_STATES: readonly ReferralState[] = ['ACCEPTED', 'IN_CARE'];
/** States that still need someone to act; at most one per case and service. */
export const ACTIVE_STATES: readonly ReferralState[] = ['SENT', 'ACCEPTED', 'IN_CARE'];

import type { Identity } from '@haven/kit/src/trust/tokens';
import type { Case, ReferralState } from '../generated/prisma/client';
import { HOLDING_STATES } from './referral-access';

/**
 * How much of a case the caller may see, decided once when the case enters a response (query, referral,
 * `_entities`) and carried on the row, so every field rule answers from the same decision:
 * - COORDINATOR: a coordinator of the coordinating organisation — everything.
 * - PARTNER_ACCEPTED: the receiving organisation of a referral it accepted and still has in care — the
 *   matching facts plus what care needs (exploitation type, place); personal data only as consent allows.
 * - PARTNER_REFERRED: the receiving organisation of any other referral (sent, declined, ended) — only the
 *   minimal matching facts: reference, urgency, needs, age group, gender, languages, region.
 */
export type CaseAccess = 'COORDINATOR' | 'PARTNER_ACCEPTED' | 'PARTNER_REFERRED';
export type CaseView = Case & { access: CaseAccess };

/** Who may see a case as its coordinator. Partners get access through referrals (partnerCaseAccess). */
export function mayViewCase(
  caller: Identity | null,
  row: { coordinatingOrganisationId?: string | null } | null | undefined,
): boolean {
  if (!caller?.organisationId || !caller.roles.includes('COORDINATOR')) return false;
  return typeof row?.coordinatingOrganisationId === 'string' && row.coordinatingOrganisationId === caller.organisationId;
}

/** The access a partner has through its organisation's referrals for one case (the widest of them). */
export function partnerCaseAccess(states: readonly ReferralState[]): CaseAccess | null {
  if (states.length === 0) return null;
  return states.some((state) => HOLDING_STATES.includes(state)) ? 'PARTNER_ACCEPTED' : 'PARTNER_REFERRED';
}

export function asCoordinatorView(row: Case): CaseView {
  return { ...row, access: 'COORDINATOR' };
}

/** Field groups by the access they need (the rules in rules/case-rules.ts use these). */
export const CASE_ACCESS_FOR = {
  facts: ['COORDINATOR', 'PARTNER_ACCEPTED', 'PARTNER_REFERRED'],
  care: ['COORDINATOR', 'PARTNER_ACCEPTED'],
  coordination: ['COORDINATOR'],
} as const satisfies Record<string, readonly CaseAccess[]>;

export function hasCaseAccess(row: { access?: unknown } | null | undefined, allowed: readonly CaseAccess[]): boolean {
  return typeof row?.access === 'string' && (allowed as readonly string[]).includes(row.access);
}

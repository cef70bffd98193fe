import DataLoader from 'dataloader';
import { requestLoader } from '@haven/kit/src/graphql/loaders';
import type { CasesContext } from '../../context';
import type { VaultCategory } from '../../generated/prisma/enums';
import { casesLoaders } from '../../loaders';
import type { CaseView } from '../case-access';
import { ACTIVE_STATES } from '../referral-access';
import { activeEmergencyGrants } from '../emergency/emergency-grants';
import { coordinatorBases, type PersonalDataGate, type ReadBasis } from '../personal-data-gate';
import { decideConsent, type ConsentAnswer } from './consent-client';

/**
 * The gate as DESIGN.md has it: the coordinating organisation reads its own cases; a partner holding the
 * person (its referral accepted or in care) reads a category only when the consent service says yes for that
 * case, organisation, category and the referral-and-care purpose, asked anew on every request (a withdrawal
 * bites on the next one); an emergency grant opens a category for a partner for a short time without
 * consent. All questions of one request go to the consent service in one call.
 */
export const consentGate: PersonalDataGate = {
  async mayRead(ctx, view, categories) {
    if (view.access === 'COORDINATOR') return coordinatorBases(categories);
    const organisationId = ctx.caller?.organisationId;
    if (!organisationId) return new Map();
    const bases = new Map<VaultCategory, ReadBasis>();
    // An emergency grant serves a referral in progress: once the organisation's referrals of the case have all
    // ended (declined, withdrawn, placed elsewhere, closed …), its grants open nothing, even before they expire.
    const ownStates = await casesLoaders(ctx).ownReferralStatesByCase.load(view.id);
    const grants = ownStates.some((state) => ACTIVE_STATES.includes(state)) ? await activeEmergencyGrants(ctx, view.id, organisationId) : [];
    for (const grant of grants) {
      if (categories.includes(grant.category)) bases.set(grant.category, { kind: 'EMERGENCY', grantId: grant.id, reason: grant.reason, expiresAt: grant.expiresAt });
    }
    if (view.access === 'PARTNER_ACCEPTED') {
      const asked = categories.filter((category) => !bases.has(category));
      // Consent that cannot be asked is a no (fail closed) — but an emergency grant, made for exactly such
      // moments, still stands.
      const answers = await Promise.all(asked.map((category) => consentLoader(ctx).load(key(view, organisationId, category)))).catch(() => {
        ctx.log.warn('consent unavailable: consented categories withheld', { requestId: ctx.requestId, caseId: view.id });
        return asked.map(() => ({ allowed: false, recordId: null }));
      });
      asked.forEach((category, n) => {
        const answer = answers[n]!;
        if (answer.allowed && answer.recordId) bases.set(category, { kind: 'CONSENT', consentRecordId: answer.recordId });
      });
    }
    return bases;
  },
};

const key = (view: CaseView, organisationId: string, category: VaultCategory) => `${view.id}|${organisationId}|${category}`;

/** Per request: every category question of every case in the response, in one call to the consent service. */
function consentLoader(ctx: CasesContext) {
  return requestLoader(ctx, 'consent.decide', () =>
    new DataLoader<string, ConsentAnswer>(async (keys) => {
      const questions = keys.map((k) => {
        const [caseId, organisationId, category] = k.split('|') as [string, string, VaultCategory];
        return { caseId, organisationId, category, purpose: 'REFERRAL_CARE' as const };
      });
      return decideConsent(ctx, questions);
    }, { maxBatchSize: 200 }),
  );
}

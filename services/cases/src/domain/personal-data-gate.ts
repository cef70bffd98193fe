import type { RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { VaultCategory } from '../generated/prisma/enums';
import type { CaseView } from './case-access';

/**
 * Decides which vault categories of one case the caller may read. Every read of personal data asks a
 * gate; the answer is per request and per case, never cached across callers.
 */
export interface PersonalDataGate {
  mayRead(ctx: RequestContext, caseView: CaseView, categories: readonly VaultCategory[]): Promise<Set<VaultCategory>>;
}

/**
 * Today's gate: the case's coordinating organisation (access COORDINATOR, decided when the case entered the
 * response) reads every category; partners read none. Issue 5 plugs the consent service in here: a partner
 * holding the person (PARTNER_ACCEPTED) reads the categories the person consented to. Fail closed: any
 * access this gate does not know reads nothing.
 */
export const defaultPersonalDataGate: PersonalDataGate = {
  async mayRead(_ctx, caseView, categories) {
    if (caseView.access === 'COORDINATOR') return new Set(categories);
    return new Set();
  },
};

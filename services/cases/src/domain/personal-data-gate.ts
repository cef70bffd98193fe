import type { VaultCategory } from '../generated/prisma/enums';
import type { CaseView } from './case-access';
import type { CasesContext } from '../context';

/** Why a category may be read: the audit trail records it with every read. */
export type ReadBasis =
  | { kind: 'COORDINATING_ORGANISATION' }
  | { kind: 'CONSENT'; consentRecordId: string }
  | { kind: 'EMERGENCY'; grantId: string; reason: string; expiresAt: Date };

/**
 * Decides which vault categories of one case the caller may read, and on what basis. Every read of
 * personal data asks a gate; the answer is per request and per case, never cached across callers. A gate
 * that throws means "no" for everything (fail closed), never a failed page.
 */
export interface PersonalDataGate {
  mayRead(ctx: CasesContext, caseView: CaseView, categories: readonly VaultCategory[]): Promise<Map<VaultCategory, ReadBasis>>;
}

/** The coordinating organisation's coordinators read every category of their own cases (DESIGN.md). */
export function coordinatorBases(categories: readonly VaultCategory[]): Map<VaultCategory, ReadBasis> {
  return new Map(categories.map((category) => [category, { kind: 'COORDINATING_ORGANISATION' } as const]));
}

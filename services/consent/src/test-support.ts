// Test helpers for the consent subgraph (not used by the service itself); the general ones are in
// @haven/kit/src/testing/test-subgraph.
import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from './generated/prisma/client';

/** A fictional consent record version; override what the test is about. */
export function consentRecordFixture(overrides: Partial<ConsentRecord> & { caseId: string; recordedByOrganisationId: string }) {
  return {
    id: randomUUID(),
    recordId: randomUUID(),
    version: 1,
    status: 'ACTIVE' as const,
    legalBasis: 'CONSENT_CLIENT' as const,
    justification: null,
    categories: ['IDENTITY' as const, 'CONTACT' as const],
    wholeNetwork: false,
    recipientOrganisationIds: [randomUUID()],
    purposes: ['REFERRAL_CARE' as const],
    givenBy: 'CLIENT' as const,
    givenHow: 'WRITTEN' as const,
    recordedByUserId: randomUUID(),
    validFrom: new Date('2025-01-01T00:00:00Z'),
    validUntil: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

import { randomUUID } from 'node:crypto';
import type { ServiceType } from '@haven/kit/src/taxonomy';
import type { CasesDb } from './db';
import { newCaseReference } from './domain/create-case';
import type { Case, CaseStatus, Referral, ReferralState, Urgency } from './generated/prisma/client';

// Test-only (no service code imports this file): rows written straight through the owner's client, for
// tests that need a case or referral in a given state without walking the workflow to it.

export interface TestCaseOptions {
  coordinatingOrganisationId: string;
  coordinatorUserId?: string;
  urgency?: Urgency;
  needs?: ServiceType[];
  status?: CaseStatus;
}

export function createTestCase(admin: CasesDb, options: TestCaseOptions): Promise<Case> {
  return admin.case.create({
    data: {
      reference: newCaseReference(),
      urgency: options.urgency ?? 'STANDARD',
      needs: options.needs ?? ['SHELTER'],
      status: options.status ?? 'OPEN',
      coordinatingOrganisationId: options.coordinatingOrganisationId,
      coordinatorUserId: options.coordinatorUserId ?? randomUUID(),
    },
  });
}

export interface TestReferralOptions {
  caseId: string;
  /** The receiving (partner) organisation. */
  organisationId: string;
  coordinatingOrganisationId: string;
  state?: ReferralState;
  serviceId?: string;
  need?: ServiceType;
  sentByUserId?: string;
  deadlineAt?: Date;
}

export function createTestReferral(admin: CasesDb, options: TestReferralOptions): Promise<Referral> {
  return admin.referral.create({
    data: {
      caseId: options.caseId,
      organisationId: options.organisationId,
      coordinatingOrganisationId: options.coordinatingOrganisationId,
      state: options.state ?? 'SENT',
      serviceId: options.serviceId ?? randomUUID(),
      need: options.need ?? 'SHELTER',
      sentByUserId: options.sentByUserId ?? randomUUID(),
      deadlineAt: options.deadlineAt ?? new Date(Date.now() + 72 * 60 * 60 * 1000),
    },
  });
}

/**
 * Removes what the fixtures (and the code under test) wrote for these coordinating organisations, children
 * first: the foreign keys restrict deletes.
 */
export async function deleteTestCases(admin: CasesDb, coordinatingOrganisationIds: string[]): Promise<void> {
  const referrals = { coordinatingOrganisationId: { in: coordinatingOrganisationIds } };
  await admin.message.deleteMany({ where: { referral: referrals } });
  await admin.messageRead.deleteMany({ where: { referral: referrals } });
  await admin.timelineEvent.deleteMany({ where: { case: { coordinatingOrganisationId: { in: coordinatingOrganisationIds } } } });
  await admin.referral.deleteMany({ where: referrals });
  await admin.case.deleteMany({ where: { coordinatingOrganisationId: { in: coordinatingOrganisationIds } } });
}

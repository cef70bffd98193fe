import { hashPassword } from '@haven/identity/src/domain/password';
import { newCaseReference } from '@haven/cases/src/domain/create-case';
import type { StackDbs } from '../../tests/support/stack';
import { stableUuid } from '../stack/stable-uuid';

/** The list sizes the SQL-statement suite compares: small, the inbox size the issue names, the maximum page size. */
export const LIST_SIZES = [5, 50, 100] as const;
export type ListSize = (typeof LIST_SIZES)[number];

/** The shared password of every benchmark account (fictional accounts in a scratch database). */
export const BENCH_PASSWORD = 'bench-password-not-secret-1';

export interface BenchAccounts {
  /** Partner staff whose inbox holds exactly `size` referrals. */
  partnerStaff: string;
  /** A coordinator whose dashboard lists `size` cases and referrals (the overdue list stops at 50). */
  coordinator: string;
}

export interface BenchNetwork {
  /** Log-in e-mail addresses by list size. */
  accounts: Record<ListSize, BenchAccounts>;
  contention: ContentionSetup;
}

export interface ContentionSetup {
  serviceId: string;
  totalSlots: number;
  /** Referrals to that service, all SENT, each for its own case. */
  referralIds: string[];
  /** Partner staff of the service's organisation. */
  partnerStaff: string;
}

const DAY_MS = 86_400_000;

/**
 * The benchmark's fictional network, written through the services' own Prisma clients: for each list size a
 * coordinating centre and a partner organisation, each with one account, and `size` cases, each with one
 * SENT referral to its own service of that partner (a per-service or per-case lookup would show in the
 * statement counts). Every deadline has passed, so each referral is also on the overdue list. Plus one
 * service with few slots and many pending referrals for the contention suite.
 */
export async function seedBenchNetwork(dbs: StackDbs, contention: { totalSlots: number; referrals: number }): Promise<BenchNetwork> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const accounts = {} as Record<ListSize, BenchAccounts>;
  for (const size of LIST_SIZES) {
    const group = await seedGroup(dbs, passwordHash, `list-${size}`, size, 'SENT');
    accounts[size] = { partnerStaff: group.partnerStaff, coordinator: group.coordinator };
  }
  const group = await seedGroup(dbs, passwordHash, 'contention', contention.referrals, 'ONE_SERVICE');
  const serviceId = group.serviceIds[0]!;
  await dbs.partners.capacity.create({ data: { serviceId, totalSlots: contention.totalSlots, confirmedAt: new Date() } });
  return {
    accounts,
    contention: { serviceId, totalSlots: contention.totalSlots, referralIds: group.referralIds, partnerStaff: group.partnerStaff },
  };
}

/** SENT: one service per referral; ONE_SERVICE: every referral to the same service (contention). */
type ServicePlan = 'SENT' | 'ONE_SERVICE';

async function seedGroup(dbs: StackDbs, passwordHash: string, name: string, size: number, plan: ServicePlan) {
  const id = (what: string) => stableUuid(`bench-${name}-${what}`);
  const centre = { id: id('centre'), name: `Bench centre ${name}`, kind: 'COORDINATING' as const };
  const partner = { id: id('partner'), name: `Bench partner ${name}`, kind: 'PARTNER' as const };
  const coordinator = { id: id('coordinator'), email: `coordinator-${name}@bench.invalid`, displayName: `Bench coordinator ${name}` };
  const staff = { id: id('staff'), email: `staff-${name}@bench.invalid`, displayName: `Bench staff ${name}` };
  await dbs.identity.organisation.createMany({ data: [centre, partner] });
  await dbs.identity.user.createMany({ data: [coordinator, staff].map((user) => ({ ...user, passwordHash })) });
  await dbs.identity.membership.createMany({
    data: [
      { userId: coordinator.id, organisationId: centre.id, role: 'COORDINATOR' },
      { userId: staff.id, organisationId: partner.id, role: 'PARTNER_STAFF' },
    ],
  });
  await dbs.partners.organisationProfile.create({ data: { organisationId: partner.id, province: 'UTRECHT', city: 'Utrecht' } });

  const serviceIds = Array.from({ length: plan === 'ONE_SERVICE' ? 1 : size }, (_, n) => id(`service-${n}`));
  await dbs.partners.service.createMany({
    data: serviceIds.map((serviceId, n) => ({ id: serviceId, organisationId: partner.id, type: 'SHELTER' as const, name: `Bench service ${name} ${n}`, province: 'UTRECHT' as const })),
  });
  const caseIds = Array.from({ length: size }, (_, n) => id(`case-${n}`));
  await dbs.cases.case.createMany({
    data: caseIds.map((caseId, n) => ({
      id: caseId,
      reference: newCaseReference(),
      urgency: (['IMMEDIATE', 'URGENT', 'STANDARD'] as const)[n % 3]!,
      needs: ['SHELTER' as const],
      ageGroup: 'AGE_18_23' as const,
      gender: 'FEMALE' as const,
      languages: ['en'],
      province: 'UTRECHT' as const,
      coordinatingOrganisationId: centre.id,
      coordinatorUserId: coordinator.id,
    })),
  });
  const referralIds = caseIds.map((_, n) => id(`referral-${n}`));
  const now = Date.now();
  await dbs.cases.referral.createMany({
    data: referralIds.map((referralId, n) => ({
      id: referralId,
      caseId: caseIds[n]!,
      serviceId: serviceIds[plan === 'ONE_SERVICE' ? 0 : n]!,
      need: 'SHELTER' as const,
      organisationId: partner.id,
      coordinatingOrganisationId: centre.id,
      sentByUserId: coordinator.id,
      sentAt: new Date(now - 3 * DAY_MS + n * 60_000),
      // Passed for the list suites (they are on the overdue list too); a day ahead for contention, so they can be accepted.
      deadlineAt: new Date(plan === 'ONE_SERVICE' ? now + DAY_MS : now - DAY_MS + n * 60_000),
    })),
  });
  return { partnerStaff: staff.email, coordinator: coordinator.email, serviceIds, referralIds };
}

import { randomUUID } from 'node:crypto';
import { testDatabase } from '@haven/kit/src/testing/db';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb, type CasesDb } from '../db';
import type { ReferralState } from '../generated/prisma/enums';
import { createTestCase, createTestReferral, deleteTestCases } from '../test-fixtures';
import { closeCase, handOverCase, type CoordinatorCheck } from './case-lifecycle';

function codeOf(error: unknown) {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}

describe('case lifecycle', () => {
  let db: CasesDb;
  let admin: CasesDb;
  const org = randomUUID();
  const otherOrg = randomUUID();
  const coordinator = caller(org, ['COORDINATOR']);

  beforeAll(() => {
    // Enough connections for two transactions to really race.
    db = createCasesDb(testDatabase().appUrl('cases'), 6);
    admin = createCasesDb(testDatabase().adminUrl, 2);
  });
  afterAll(async () => {
    await deleteTestCases(admin, [org, otherOrg]);
    await Promise.all([db.$disconnect(), admin.$disconnect()]);
  });

  const newCase = () => createTestCase(admin, { coordinatingOrganisationId: org, coordinatorUserId: coordinator.subject });
  const events = (caseId: string) => db.timelineEvent.findMany({ where: { caseId }, orderBy: { at: 'asc' } });

  describe('closeCase', () => {
    it('closes an open case without active referrals: status, who and when, and one CASE_CLOSED event with the reason', async () => {
      const row = await newCase();
      const at = new Date('2026-11-30T10:00:00Z');
      const closed = await closeCase(db, coordinator, { caseId: row.id, reason: ' Doorverwezen en afgerond ' }, () => at);
      expect(closed).toMatchObject({ status: 'CLOSED', closedAt: at, closedByUserId: coordinator.subject });
      expect(await events(row.id)).toEqual([
        expect.objectContaining({ kind: 'CASE_CLOSED', actorUserId: coordinator.subject, actorOrganisationId: org, reasonText: 'Doorverwezen en afgerond' }),
      ]);
    });

    it('lets another coordinator of the same organisation close it', async () => {
      const row = await newCase();
      await expect(closeCase(db, caller(org, ['COORDINATOR']), { caseId: row.id })).resolves.toMatchObject({ status: 'CLOSED' });
    });

    it('refuses to close a closed case with INVALID_TRANSITION', async () => {
      const row = await newCase();
      await closeCase(db, coordinator, { caseId: row.id });
      expect(codeOf(await closeCase(db, coordinator, { caseId: row.id }).catch((e: unknown) => e))).toBe('INVALID_TRANSITION');
      expect((await events(row.id)).filter((e) => e.kind === 'CASE_CLOSED')).toHaveLength(1);
    });

    it.each<ReferralState>(['SENT', 'ACCEPTED', 'IN_CARE'])('refuses to close while a referral is %s, changing nothing', async (state) => {
      const row = await newCase();
      await createTestReferral(admin, { caseId: row.id, organisationId: randomUUID(), coordinatingOrganisationId: org, state });
      expect(codeOf(await closeCase(db, coordinator, { caseId: row.id }).catch((e: unknown) => e))).toBe('INVALID_TRANSITION');
      expect(await db.case.findUnique({ where: { id: row.id } })).toMatchObject({ status: 'OPEN', closedAt: null, closedByUserId: null });
      expect(await events(row.id)).toEqual([]);
    });

    it.each<ReferralState>(['DECLINED', 'WITHDRAWN', 'EXPIRED', 'CANCELLED', 'CLOSED'])('closes when its only referral is %s', async (state) => {
      const row = await newCase();
      await createTestReferral(admin, { caseId: row.id, organisationId: randomUUID(), coordinatingOrganisationId: org, state });
      await expect(closeCase(db, coordinator, { caseId: row.id })).resolves.toMatchObject({ status: 'CLOSED' });
    });

    it.each([
      ['a coordinator of another organisation', caller(otherOrg, ['COORDINATOR']), 'NOT_FOUND'],
      ['partner staff', caller(randomUUID(), ['PARTNER_STAFF']), 'NOT_FOUND'],
      ['a network admin of the same organisation', caller(org, ['NETWORK_ADMIN']), 'NOT_FOUND'],
      ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ])('is refused to %s, changing nothing', async (_label, who, code) => {
      const row = await newCase();
      expect(codeOf(await closeCase(db, who, { caseId: row.id }).catch((e: unknown) => e))).toBe(code);
      expect(await db.case.findUnique({ where: { id: row.id } })).toMatchObject({ status: 'OPEN' });
    });

    it('answers NOT_FOUND for an unknown id or a non-id', async () => {
      for (const caseId of [randomUUID(), 'not-an-id']) {
        expect(codeOf(await closeCase(db, coordinator, { caseId }).catch((e: unknown) => e))).toBe('NOT_FOUND');
      }
    });

    it('two closes at once: exactly one succeeds, the other gets INVALID_TRANSITION, one CASE_CLOSED event', async () => {
      for (let round = 0; round < 5; round++) {
        const row = await newCase();
        const outcomes = await Promise.allSettled([
          closeCase(db, coordinator, { caseId: row.id }),
          closeCase(db, caller(org, ['COORDINATOR']), { caseId: row.id }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => codeOf((o as PromiseRejectedResult).reason))).toEqual(['INVALID_TRANSITION']);
        expect((await events(row.id)).filter((e) => e.kind === 'CASE_CLOSED')).toHaveLength(1);
      }
    });
  });

  describe('handOverCase (identity answered by a function here; over HTTP in tests/integration/case-hand-over.test.ts)', () => {
    const asked: [string, string][] = [];
    const coordinators = new Set<string>();
    const check: CoordinatorCheck = async (userId, organisationId) => {
      asked.push([userId, organisationId]);
      return coordinators.has(`${userId}@${organisationId}`);
    };

    it('hands an open case to a coordinator of the organisation, with a CASE_HANDED_OVER event', async () => {
      const row = await newCase();
      const colleague = randomUUID();
      coordinators.add(`${colleague}@${org}`);
      const updated = await handOverCase(db, coordinator, { caseId: row.id, toUserId: colleague, reason: 'Verlof' }, check);
      expect(updated.coordinatorUserId).toBe(colleague);
      expect(asked).toContainEqual([colleague, org]);
      expect(await events(row.id)).toEqual([
        expect.objectContaining({ kind: 'CASE_HANDED_OVER', actorUserId: coordinator.subject, actorOrganisationId: org, reasonText: 'Verlof' }),
      ]);
    });

    it('refuses a user identity does not confirm as a coordinator with BAD_USER_INPUT on toUserId, changing nothing', async () => {
      const row = await newCase();
      const error = await handOverCase(db, coordinator, { caseId: row.id, toUserId: randomUUID() }, check).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
      expect((error as { extensions: { field: unknown } }).extensions.field).toBe('toUserId');
      expect(await db.case.findUnique({ where: { id: row.id } })).toMatchObject({ coordinatorUserId: coordinator.subject });
      expect(await events(row.id)).toEqual([]);
    });

    it('refuses a closed case with INVALID_TRANSITION without asking identity', async () => {
      const row = await newCase();
      await closeCase(db, coordinator, { caseId: row.id });
      asked.length = 0;
      const error = await handOverCase(db, coordinator, { caseId: row.id, toUserId: randomUUID() }, check).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('INVALID_TRANSITION');
      expect(asked).toEqual([]);
    });

    it('refuses a coordinator of another organisation with NOT_FOUND', async () => {
      const row = await newCase();
      const error = await handOverCase(db, caller(otherOrg, ['COORDINATOR']), { caseId: row.id, toUserId: randomUUID() }, check).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('NOT_FOUND');
    });
  });
});

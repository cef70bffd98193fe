import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { testDatabase } from '@haven/kit/src/testing/db';
import { createPartnersDb, type PartnersDb } from '../db';
import { capacityState, createTestService, setTestCapacity } from '../test-fixtures';
import { holdSlot } from './hold-slot';
import { releaseSlot } from './release-slot';
import { updateCapacity } from './update-capacity';

// The domain functions without HTTP, on the run's database as the partners app role (its real grants).

async function codeOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error instanceof AppError ? error.extensions.code : error;
  }
  return 'no error';
}

describe('capacity (domain)', () => {
  let db: PartnersDb;
  let admin: PartnersDb;
  const actor = { userId: randomUUID(), part: 'cases' };

  beforeAll(() => {
    db = createPartnersDb(testDatabase().appUrl('partners'), 10);
    admin = createPartnersDb(testDatabase().adminUrl, 2);
  });
  afterAll(async () => {
    await Promise.all([db.$disconnect(), admin.$disconnect()]);
  });

  describe('updateCapacity', () => {
    it('lets staff of the organisation state total, paused and waitlist in one step, confirming it and keeping history', async () => {
      const { organisationId, serviceId } = await createTestService(admin);
      const staff = caller(organisationId, ['PARTNER_STAFF']);
      const first = await updateCapacity(db, staff, { serviceId, totalSlots: 5, paused: false, waitlistLength: 2 });
      expect(first).toMatchObject({ totalSlots: 5, heldSlots: 0, paused: false, waitlistLength: 2, confirmedByUserId: staff.subject });
      expect(first.confirmedAt).toBeInstanceOf(Date);

      const adminUser = caller(organisationId, ['PARTNER_ADMIN']);
      await updateCapacity(db, adminUser, { serviceId, totalSlots: 3, paused: true, waitlistLength: 0 });
      const { capacity, changes } = await capacityState(admin, serviceId);
      expect(capacity).toMatchObject({ totalSlots: 3, paused: true, waitlistLength: 0, confirmedByUserId: adminUser.subject });
      expect(changes.map((c) => [c.kind, c.byUserId, c.totalBefore, c.totalAfter, c.pausedBefore, c.pausedAfter, c.waitlistBefore, c.waitlistAfter])).toEqual([
        ['UPDATE', staff.subject, null, 5, null, false, null, 2],
        ['UPDATE', adminUser.subject, 5, 3, false, true, 2, 0],
      ]);
    });

    it.each([
      ['partner staff of another organisation', () => caller(randomUUID(), ['PARTNER_STAFF']), 'FORBIDDEN'],
      ['a partner admin of another organisation', () => caller(randomUUID(), ['PARTNER_ADMIN']), 'FORBIDDEN'],
      ['a network admin', () => caller(randomUUID(), ['NETWORK_ADMIN']), 'FORBIDDEN'],
      ['a coordinator', () => caller(randomUUID(), ['COORDINATOR']), 'FORBIDDEN'],
      ['nobody signed in', () => null, 'UNAUTHENTICATED'],
    ])('refuses %s and changes nothing', async (_who, who, code) => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 4 });
      const before = await capacityState(admin, serviceId);
      expect(await codeOf(updateCapacity(db, who(), { serviceId, totalSlots: 9, paused: true, waitlistLength: 1 }))).toBe(code);
      expect(await capacityState(admin, serviceId)).toEqual(before);
    });

    it('refuses the role of the right organisation only when it is a partner role (a coordinator id in the org is not enough)', async () => {
      const { organisationId, serviceId } = await createTestService(admin);
      expect(await codeOf(updateCapacity(db, caller(organisationId, ['COORDINATOR']), { serviceId, totalSlots: 1, paused: false, waitlistLength: 0 }))).toBe('FORBIDDEN');
      expect(await admin.capacity.findUnique({ where: { serviceId } })).toBeNull();
    });

    it.each([
      ['a negative total', { totalSlots: -1 }, 'BAD_USER_INPUT'],
      ['a negative waitlist', { waitlistLength: -3 }, 'BAD_USER_INPUT'],
      ['a total beyond the limit', { totalSlots: 10_001 }, 'BAD_USER_INPUT'],
      ['an unknown service', { serviceId: randomUUID() }, 'NOT_FOUND'],
      ['a malformed service id', { serviceId: 'not-an-id' }, 'NOT_FOUND'],
    ])('refuses %s and changes nothing', async (_what, change, code) => {
      const { organisationId, serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 4 });
      const before = await capacityState(admin, serviceId);
      const input = { serviceId, totalSlots: 2, paused: false, waitlistLength: 0, ...change };
      expect(await codeOf(updateCapacity(db, caller(organisationId, ['PARTNER_STAFF']), input))).toBe(code);
      expect(await capacityState(admin, serviceId)).toEqual(before);
    });

    it('refuses to lower the total below the slots held, with CONFLICT and the held count, and changes nothing', async () => {
      const { organisationId, serviceId } = await createTestService(admin);
      const staff = caller(organisationId, ['PARTNER_STAFF']);
      await updateCapacity(db, staff, { serviceId, totalSlots: 3, paused: false, waitlistLength: 0 });
      await holdSlot(db, actor, { serviceId, referralId: randomUUID() });
      await holdSlot(db, actor, { serviceId, referralId: randomUUID() });
      const before = await capacityState(admin, serviceId);

      const error = await updateCapacity(db, staff, { serviceId, totalSlots: 1, paused: false, waitlistLength: 0 }).catch((e: AppError) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'CONFLICT', heldSlots: 2 });
      expect(await capacityState(admin, serviceId)).toEqual(before);

      // Exactly the held count is allowed: no slot free, none over-held.
      const equal = await updateCapacity(db, staff, { serviceId, totalSlots: 2, paused: false, waitlistLength: 0 });
      expect([equal.totalSlots, equal.heldSlots]).toEqual([2, 2]);
    });
  });

  describe('holdSlot and releaseSlot', () => {
    it('holds one slot per referral, answers a retry with the same hold, and writes HOLD history', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 2 });
      const referralId = randomUUID();
      expect(await holdSlot(db, actor, { serviceId, referralId })).toEqual({ held: true, heldSlots: 1, totalSlots: 2 });
      expect(await holdSlot(db, actor, { serviceId, referralId })).toEqual({ held: true, heldSlots: 1, totalSlots: 2 });
      const { capacity, liveHolds, changes } = await capacityState(admin, serviceId);
      expect([capacity!.heldSlots, liveHolds]).toEqual([1, 1]);
      expect(changes.map((c) => [c.kind, c.referralId, c.heldBefore, c.heldAfter, c.byUserId, c.byPart])).toEqual([
        ['HOLD', referralId, 0, 1, actor.userId, 'cases'],
      ]);
      const hold = await admin.capacityHold.findUniqueOrThrow({ where: { referralId } });
      expect([hold.heldByUserId, hold.heldByPart, hold.releasedAt]).toEqual([actor.userId, 'cases', null]);
    });

    it('refuses a hold on a full service with CAPACITY_FULL and leaves no hold row behind', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 1 });
      await holdSlot(db, actor, { serviceId, referralId: randomUUID() });
      const refused = randomUUID();
      expect(await codeOf(holdSlot(db, actor, { serviceId, referralId: refused }))).toBe('CAPACITY_FULL');
      expect(await admin.capacityHold.findUnique({ where: { referralId: refused } })).toBeNull();
      expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(1);
    });

    it('refuses a hold on a paused service with CAPACITY_FULL, though slots are free', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 5, paused: true });
      const error = await holdSlot(db, actor, { serviceId, referralId: randomUUID() }).catch((e: AppError) => e);
      expect([(error as AppError).extensions.code, (error as AppError).message]).toEqual([
        'CAPACITY_FULL',
        'The service is paused and takes no new referrals',
      ]);
      expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(0);
    });

    it('refuses an unknown service (NOT_FOUND), an undeclared capacity (CAPACITY_FULL) and malformed ids (BAD_USER_INPUT)', async () => {
      const { serviceId } = await createTestService(admin);
      expect(await codeOf(holdSlot(db, actor, { serviceId: randomUUID(), referralId: randomUUID() }))).toBe('NOT_FOUND');
      expect(await codeOf(holdSlot(db, actor, { serviceId, referralId: randomUUID() }))).toBe('CAPACITY_FULL');
      expect(await codeOf(holdSlot(db, actor, { serviceId: 'x', referralId: randomUUID() }))).toBe('BAD_USER_INPUT');
      expect(await codeOf(holdSlot(db, actor, { serviceId, referralId: 42 }))).toBe('BAD_USER_INPUT');
      expect(await codeOf(releaseSlot(db, actor, { referralId: undefined }))).toBe('BAD_USER_INPUT');
    });

    it('refuses to move a referral’s hold to another service, and holds the same service again after release', async () => {
      const first = await createTestService(admin);
      const second = await createTestService(admin);
      await setTestCapacity(admin, first.serviceId, { totalSlots: 2 });
      await setTestCapacity(admin, second.serviceId, { totalSlots: 2 });
      const referralId = randomUUID();
      await holdSlot(db, actor, { serviceId: first.serviceId, referralId });
      expect(await codeOf(holdSlot(db, actor, { serviceId: second.serviceId, referralId }))).toBe('CONFLICT');
      await releaseSlot(db, actor, { referralId });
      expect(await codeOf(holdSlot(db, actor, { serviceId: second.serviceId, referralId }))).toBe('CONFLICT');
      // 10 concurrent re-holds after the release: one slot, one live hold.
      await Promise.all(Array.from({ length: 10 }, () => holdSlot(db, actor, { serviceId: first.serviceId, referralId })));
      const { capacity, liveHolds, changes } = await capacityState(admin, first.serviceId);
      expect([capacity!.heldSlots, liveHolds, changes.map((c) => c.kind)]).toEqual([1, 1, ['HOLD', 'RELEASE', 'HOLD']]);
      expect((await capacityState(admin, second.serviceId)).capacity!.heldSlots).toBe(0);
    });

    it('releases a hold once: the second release and an unknown referral are no-ops; RELEASE history is written', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 2 });
      const referralId = randomUUID();
      await holdSlot(db, actor, { serviceId, referralId });
      const releaser = { userId: randomUUID(), part: 'cases' };
      expect(await releaseSlot(db, releaser, { referralId })).toEqual({ released: true });
      expect(await releaseSlot(db, releaser, { referralId })).toEqual({ released: false });
      expect(await releaseSlot(db, releaser, { referralId: randomUUID() })).toEqual({ released: false });
      const { capacity, liveHolds, changes } = await capacityState(admin, serviceId);
      expect([capacity!.heldSlots, liveHolds]).toEqual([0, 0]);
      expect(changes.map((c) => [c.kind, c.heldBefore, c.heldAfter, c.byUserId])).toEqual([
        ['HOLD', 0, 1, actor.userId],
        ['RELEASE', 1, 0, releaser.userId],
      ]);
      expect((await admin.capacityHold.findUniqueOrThrow({ where: { referralId } })).releasedByUserId).toBe(releaser.userId);
    });

    it('keeps held equal to the live holds under concurrent holds, retries, releases and a capacity update', async () => {
      const { organisationId, serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 8 });
      const early = Array.from({ length: 6 }, () => randomUUID());
      await Promise.all(early.map((referralId) => holdSlot(db, actor, { serviceId, referralId })));
      const late = Array.from({ length: 20 }, () => randomUUID());
      const outcomes = await Promise.allSettled([
        ...early.slice(0, 4).map((referralId) => releaseSlot(db, actor, { referralId })),
        ...early.slice(0, 4).map((referralId) => releaseSlot(db, actor, { referralId })),
        ...late.map((referralId) => holdSlot(db, actor, { serviceId, referralId })),
        ...late.slice(0, 5).map((referralId) => holdSlot(db, actor, { serviceId, referralId })),
        updateCapacity(db, caller(organisationId, ['PARTNER_STAFF']), { serviceId, totalSlots: 8, paused: false, waitlistLength: 1 }),
      ]);
      const unexpected = outcomes.filter((o) => o.status === 'rejected' && !['CAPACITY_FULL'].includes((o.reason as AppError).extensions?.code as string));
      expect(unexpected).toEqual([]);
      const { capacity, liveHolds } = await capacityState(admin, serviceId);
      expect(capacity!.heldSlots).toBe(liveHolds);
      expect(capacity!.heldSlots).toBeLessThanOrEqual(8);
      // The 2 early holds not released stay; each late referral that succeeded holds exactly one slot.
      const lateHeld = await admin.capacityHold.count({ where: { referralId: { in: late } } });
      expect(liveHolds).toBe(2 + lateHeld);
      expect(lateHeld).toBeGreaterThanOrEqual(2);
    });

    it('is backed by the database: a direct write that would hold more than the total is refused', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 1, heldSlots: 1 });
      await expect(admin.capacity.update({ where: { serviceId }, data: { heldSlots: 2 } })).rejects.toThrow();
      await expect(admin.capacity.update({ where: { serviceId }, data: { totalSlots: -1, heldSlots: 0 } })).rejects.toThrow();
      expect((await capacityState(admin, serviceId)).capacity).toMatchObject({ totalSlots: 1, heldSlots: 1 });
    });
  });
});

import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { createLogger } from '@haven/kit/src/log';
import type { PartName } from '@haven/kit/src/taxonomy';
import { testDatabase } from '@haven/kit/src/testing/db';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity } from '@haven/kit/src/trust/tokens';
import { createPartnersDb, type PartnersDb } from './db';
import { createPartnersServer } from './server';
import { capacityState, createTestService, setTestCapacity } from './test-fixtures';

// The hold routes over real HTTP, signed like the cases service signs them. The server gets a pool of 15
// connections, so up to 15 transactions really race for the same capacity row.
jest.setTimeout(60_000);

describe('slot holds over the internal routes', () => {
  const keys = generateKeySet();
  let db: PartnersDb;
  let admin: PartnersDb;
  let running: RunningServer;
  let identityToken: string;

  beforeAll(async () => {
    db = createPartnersDb(testDatabase().appUrl('partners'), 15);
    admin = createPartnersDb(testDatabase().adminUrl, 2);
    const server = createPartnersServer({
      db,
      keys: partKeysFromSet(keys, 'partners'),
      log: createLogger({ service: 'partners-test' }, () => undefined),
      introspection: false,
    });
    running = await server.listen(0);
    identityToken = await signIdentity(keys.identity.privateKey, caller(randomUUID(), ['PARTNER_STAFF']));
  });
  afterAll(async () => {
    await running?.close();
    await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
  });

  /** A call as `from` would make it (its own key), with the end user's identity unless told otherwise. */
  function call<T>(route: string, body: unknown, options: { from?: PartName; identity?: string | null; onStatus?: (s: number) => void } = {}) {
    return callInternal<T>({
      keys: partKeysFromSet(keys, options.from ?? 'cases'),
      target: 'partners',
      baseUrl: running.url,
      route,
      body,
      identityToken: options.identity === undefined ? identityToken : options.identity,
      timeoutMs: 30_000,
      onFailure: (failure) => options.onStatus?.(failure.status),
    });
  }
  const hold = (serviceId: string, referralId: string) =>
    call<{ held: boolean; heldSlots: number; totalSlots: number }>('hold-slot', { serviceId, referralId });
  const release = (referralId: string) => call<{ released: boolean }>('release-slot', { referralId });
  const codeOf = (reason: unknown) => (reason instanceof AppError ? reason.extensions.code : String(reason));

  it('200 concurrent holds for 200 referrals on 10 free slots: exactly 10 succeed, 190 get CAPACITY_FULL', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 10 });
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, () => hold(serviceId, randomUUID())));

    const held = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(held).toHaveLength(10);
    expect(refused.map((o) => codeOf(o.reason))).toEqual(Array(190).fill('CAPACITY_FULL'));
    const { capacity, liveHolds, changes } = await capacityState(admin, serviceId);
    expect([capacity!.heldSlots, liveHolds, changes.filter((c) => c.kind === 'HOLD').length]).toEqual([10, 10, 10]);
  });

  it('50 concurrent retries of the same referral hold one slot', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 5 });
    const referralId = randomUUID();
    const results = await Promise.all(Array.from({ length: 50 }, () => hold(serviceId, referralId)));

    expect(results.every((r) => r.held && r.heldSlots === 1 && r.totalSlots === 5)).toBe(true);
    const { capacity, liveHolds } = await capacityState(admin, serviceId);
    expect([capacity!.heldSlots, liveHolds]).toEqual([1, 1]);
  });

  it('keeps held equal to the live holds when holds and releases run at once', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 10 });
    const first = Array.from({ length: 10 }, () => randomUUID());
    await Promise.all(first.map((referralId) => hold(serviceId, referralId)));
    const second = Array.from({ length: 30 }, () => randomUUID());
    const outcomes = await Promise.allSettled([
      ...first.map((referralId) => release(referralId)),
      ...first.map((referralId) => release(referralId)),
      ...second.map((referralId) => hold(serviceId, referralId)),
    ]);
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => codeOf(o.reason));
    expect(failures.every((code) => code === 'CAPACITY_FULL')).toBe(true);
    const released = outcomes.slice(0, 20).filter((o) => o.status === 'fulfilled' && (o.value as { released: boolean }).released);
    expect(released).toHaveLength(10);
    const { capacity, liveHolds } = await capacityState(admin, serviceId);
    expect(capacity!.heldSlots).toBe(liveHolds);
    expect(liveHolds).toBe(await admin.capacityHold.count({ where: { referralId: { in: second } } }));
    expect(liveHolds).toBeLessThanOrEqual(10);
  });

  it('releases once: a second release and an unknown referral are no-ops', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 1 });
    const referralId = randomUUID();
    await hold(serviceId, referralId);
    expect(await release(referralId)).toEqual({ released: true });
    expect(await release(referralId)).toEqual({ released: false });
    expect(await release(randomUUID())).toEqual({ released: false });
    expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(0);
  });

  it('answers typed errors the caller gets back as AppError: CAPACITY_FULL when paused, NOT_FOUND, BAD_USER_INPUT', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 3, paused: true });
    expect(codeOf(await hold(serviceId, randomUUID()).catch((e) => e))).toBe('CAPACITY_FULL');
    expect(codeOf(await hold(randomUUID(), randomUUID()).catch((e) => e))).toBe('NOT_FOUND');
    expect(codeOf(await hold('nope', randomUUID()).catch((e) => e))).toBe('BAD_USER_INPUT');
    expect(codeOf(await call('release-slot', ['not', 'an', 'object']).catch((e) => e))).toBe('BAD_USER_INPUT');
  });

  it("describes a service for sending a referral: its organisation, type and whether it takes referrals", async () => {
    const { serviceId, organisationId } = await createTestService(admin);
    expect(await call('describe-service', { serviceId })).toEqual({ serviceId, organisationId, type: 'SHELTER', acceptingReferrals: true });
    expect(codeOf(await call('describe-service', { serviceId: randomUUID() }).catch((e) => e))).toBe('NOT_FOUND');
    expect(codeOf(await call('describe-service', { serviceId: 'x' }).catch((e) => e))).toBe('BAD_USER_INPUT');
  });

  it('lists live holds page by page for reconciliation, leaving released ones out', async () => {
    const { serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 5 });
    const referrals = Array.from({ length: 3 }, () => randomUUID());
    for (const referralId of referrals) await hold(serviceId, referralId);
    await release(referrals[0]!);
    const live: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await call<{ holds: { referralId: string; serviceId: string; heldAt: string }[] }>('live-holds', { after, limit: 1 }, { identity: null });
      if (page.holds.length === 0) break;
      live.push(...page.holds.map((h) => h.referralId));
      after = page.holds.at(-1)!.referralId;
    }
    expect(live).toEqual(expect.arrayContaining(referrals.slice(1)));
    expect(live).not.toContain(referrals[0]);
    expect(codeOf(await call('live-holds', { limit: 0 }).catch((e) => e))).toBe('BAD_USER_INPUT');
  });

  describe('who may call', () => {
    it.each(['gateway', 'consent', 'identity', 'partners'] as const)('refuses a hold signed by %s with 401 and holds nothing', async (from) => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 3 });
      const statuses: number[] = [];
      const referralId = randomUUID();
      const error = await call('hold-slot', { serviceId, referralId }, { from, onStatus: (s) => statuses.push(s) }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(statuses).toEqual([401]);
      expect(await admin.capacityHold.findUnique({ where: { referralId } })).toBeNull();
      expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(0);
    });

    it('refuses a hold or a service description from cases without an end-user identity (401)', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 3 });
      const referralId = randomUUID();
      const statuses: number[] = [];
      await call('hold-slot', { serviceId, referralId }, { identity: null, onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      await call('describe-service', { serviceId }, { identity: null, onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      expect(statuses).toEqual([401, 401]);
      expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(0);
    });

    it("lets the cases service's job release a hold without an end-user identity, recorded as acting for nobody", async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 3 });
      const referralId = randomUUID();
      await hold(serviceId, referralId);
      expect(await call('release-slot', { referralId }, { identity: null })).toEqual({ released: true });
      const { capacity, changes } = await capacityState(admin, serviceId);
      expect(capacity!.heldSlots).toBe(0);
      expect(changes.at(-1)).toMatchObject({ kind: 'RELEASE', byUserId: null, byPart: 'cases' });
    });

    it.each(['gateway', 'consent', 'identity'] as const)('refuses describe-service and live-holds signed by %s (401)', async (from) => {
      const { serviceId } = await createTestService(admin);
      const statuses: number[] = [];
      await call('describe-service', { serviceId }, { from, onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      await call('live-holds', {}, { from, onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      expect(statuses).toEqual([401, 401]);
    });

    it('refuses a release signed by the gateway (401) and keeps the hold', async () => {
      const { serviceId } = await createTestService(admin);
      await setTestCapacity(admin, serviceId, { totalSlots: 3 });
      const referralId = randomUUID();
      await hold(serviceId, referralId);
      const statuses: number[] = [];
      await call('release-slot', { referralId }, { from: 'gateway', onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      expect(statuses).toEqual([401]);
      expect((await capacityState(admin, serviceId)).capacity!.heldSlots).toBe(1);
    });

    it('takes a response report from cases without an end-user identity (an expiry has nobody acting)', async () => {
      const { serviceId } = await createTestService(admin);
      const referralId = randomUUID();
      const report = { referralId, serviceId, outcome: 'EXPIRED', sentAt: new Date(Date.now() - 7_200_000).toISOString(), respondedAt: new Date().toISOString() };
      expect(await call('record-response', report, { identity: null })).toEqual({ recorded: true });
    });

    it.each(['gateway', 'consent', 'identity', 'partners'] as const)('refuses a response report signed by %s (401) and records nothing', async (from) => {
      const { serviceId } = await createTestService(admin);
      const referralId = randomUUID();
      const report = { referralId, serviceId, outcome: 'ACCEPTED', sentAt: new Date(Date.now() - 7_200_000).toISOString(), respondedAt: new Date().toISOString() };
      const statuses: number[] = [];
      await call('record-response', report, { from, onStatus: (s) => statuses.push(s) }).catch(() => undefined);
      expect(statuses).toEqual([401]);
      expect(await admin.referralResponse.findUnique({ where: { referralId } })).toBeNull();
    });

    it('answers 404 for an internal route that does not exist', async () => {
      const res = await fetch(new URL('/internal/hold-slots', running.url), { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    });
  });
});

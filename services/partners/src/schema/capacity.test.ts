import { randomUUID } from 'node:crypto';
import { printSubgraphSchema } from '@apollo/subgraph';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createPartnersDb } from '../db';
import { holdSlot } from '../domain/hold-slot';
import { createPartnersServer } from '../server';
import { capacityState, createTestService } from '../test-fixtures';
import { buildPartnersSubgraph } from '.';

const startPartners = () => startTestSubgraph({ name: 'partners', createDb: createPartnersDb, createServer: createPartnersServer });

const CAPACITY_FIELDS =
  'totalSlots heldSlots availableSlots waitlistLength paused confirmedAt confirmedBy { id } updatedAt updatedBy { id } stale service { id }';
const UPDATE = `mutation ($input: UpdateCapacityInput!) { updateCapacity(input: $input) { ${CAPACITY_FIELDS} } }`;
const READ = `query ($id: ID!) { service(id: $id) { id capacity { ${CAPACITY_FIELDS} } } }`;

describe('capacity over GraphQL (signed subgraph client)', () => {
  let partners: Awaited<ReturnType<typeof startPartners>>;
  let serviceA: string;
  let serviceB: string;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const staffA = caller(orgA, ['PARTNER_STAFF']);
  const adminA = caller(orgA, ['PARTNER_ADMIN']);
  const staffB = caller(orgB, ['PARTNER_STAFF']);
  const coordinator = caller(randomUUID(), ['COORDINATOR']);
  const networkAdmin = caller(randomUUID(), ['NETWORK_ADMIN']);
  const input = (serviceId: string, values: Record<string, unknown> = {}) => ({
    input: { serviceId, totalSlots: 4, paused: false, waitlistLength: 1, ...values },
  });

  beforeAll(async () => {
    partners = await startPartners();
    ({ serviceId: serviceA } = await createTestService(partners.admin, orgA));
    ({ serviceId: serviceB } = await createTestService(partners.admin, orgB));
  });
  afterAll(async () => {
    await partners?.close();
  });

  it('shows null capacity for a service whose organisation never stated it', async () => {
    const res = await partners.gql({ query: READ, variables: { id: serviceA } }, coordinator);
    expect(res.body?.errors).toBeUndefined();
    expect(res.body?.data?.service).toEqual({ id: serviceA, capacity: null });
  });

  it("lets partner staff of A update A's capacity in one step, and every member read it", async () => {
    const res = await partners.gql({ query: UPDATE, variables: input(serviceA, { totalSlots: 6, waitlistLength: 3 }) }, staffA);
    expect(res.body?.errors).toBeUndefined();
    expect(res.body?.data?.updateCapacity).toMatchObject({
      totalSlots: 6,
      heldSlots: 0,
      availableSlots: 6,
      waitlistLength: 3,
      paused: false,
      confirmedBy: { id: staffA.subject },
      updatedBy: { id: staffA.subject },
      stale: false,
      service: { id: serviceA },
    });

    await holdSlot(partners.db, { userId: randomUUID(), part: 'cases' }, { serviceId: serviceA, referralId: randomUUID() });
    for (const reader of [coordinator, staffB, networkAdmin, caller(randomUUID(), ['AUDITOR'])]) {
      const read = await partners.gql({ query: READ, variables: { id: serviceA } }, reader);
      expect(read.body?.errors).toBeUndefined();
      expect(read.body?.data?.service?.capacity).toMatchObject({ totalSlots: 6, heldSlots: 1, availableSlots: 5, confirmedBy: { id: staffA.subject } });
    }
  });

  it("lets a partner admin of A update A's capacity too", async () => {
    const res = await partners.gql({ query: UPDATE, variables: input(serviceA, { totalSlots: 7, paused: true }) }, adminA);
    expect(res.body?.data?.updateCapacity).toMatchObject({ totalSlots: 7, paused: true, confirmedBy: { id: adminA.subject } });
  });

  it.each([
    ["partner staff of B on A's service", () => staffB, () => serviceA],
    ["partner staff of A on B's service", () => staffA, () => serviceB],
    ['a network admin', () => networkAdmin, () => serviceA],
    ['a coordinator', () => coordinator, () => serviceA],
  ])('refuses %s with FORBIDDEN and changes nothing', async (_who, who, service) => {
    const before = await capacityState(partners.admin, service());
    const res = await partners.gql({ query: UPDATE, variables: input(service(), { totalSlots: 99 }) }, who());
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.body?.data ?? null).toBeNull();
    expect(await capacityState(partners.admin, service())).toEqual(before);
  });

  it('refuses an anonymous caller and a member without an active organisation', async () => {
    expect(errorCodes(await partners.gql({ query: UPDATE, variables: input(serviceA) }, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await partners.gql({ query: READ, variables: { id: serviceA } }, null))).toContain('UNAUTHENTICATED');
    const noOrg = await partners.gql({ query: READ, variables: { id: serviceA } }, caller(null, []));
    expect(errorCodes(noOrg)).toEqual(['FORBIDDEN']);
    expect(noOrg.body?.data?.service ?? null).toBeNull();
  });

  it.each([
    ['a negative total', { totalSlots: -1 }, 'BAD_USER_INPUT'],
    ['a negative waitlist', { waitlistLength: -1 }, 'BAD_USER_INPUT'],
    ['a missing paused', { paused: null }, 'BAD_USER_INPUT'],
    ['an unknown service', { serviceId: randomUUID() }, 'NOT_FOUND'],
    ['a malformed service id', { serviceId: 'abc' }, 'NOT_FOUND'],
  ])('refuses %s and changes nothing', async (_what, change, code) => {
    const before = await capacityState(partners.admin, serviceA);
    const res = await partners.gql({ query: UPDATE, variables: input(serviceA, change) }, staffA);
    expect(errorCodes(res)).toEqual([code]);
    expect(await capacityState(partners.admin, serviceA)).toEqual(before);
  });

  it('refuses lowering the total below the held slots with CONFLICT carrying the held count', async () => {
    const { serviceId, organisationId } = await createTestService(partners.admin);
    const staff = caller(organisationId, ['PARTNER_STAFF']);
    await partners.gql({ query: UPDATE, variables: input(serviceId, { totalSlots: 3 }) }, staff);
    for (let i = 0; i < 2; i += 1) await holdSlot(partners.db, { userId: randomUUID(), part: 'cases' }, { serviceId, referralId: randomUUID() });
    const before = await capacityState(partners.admin, serviceId);
    const res = await partners.gql({ query: UPDATE, variables: input(serviceId, { totalSlots: 1 }) }, staff);
    expect(res.body?.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', heldSlots: 2 });
    expect(res.body?.errors?.[0]?.message).toMatch(/2 slots are held/);
    expect(await capacityState(partners.admin, serviceId)).toEqual(before);
  });

  it('flags capacity not confirmed for more than 7 days as stale, and a new statement clears it', async () => {
    const { serviceId, organisationId } = await createTestService(partners.admin);
    const staff = caller(organisationId, ['PARTNER_STAFF']);
    await partners.gql({ query: UPDATE, variables: input(serviceId) }, staff);
    await partners.admin.capacity.update({ where: { serviceId }, data: { confirmedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    expect((await partners.gql({ query: READ, variables: { id: serviceId } }, coordinator)).body?.data?.service?.capacity?.stale).toBe(true);
    await partners.gql({ query: UPDATE, variables: input(serviceId) }, staff);
    expect((await partners.gql({ query: READ, variables: { id: serviceId } }, coordinator)).body?.data?.service?.capacity?.stale).toBe(false);
  });

  it('offers no GraphQL field to hold or release a slot (holds are internal routes for cases only)', () => {
    const schema = buildPartnersSubgraph();
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(operations.filter((name) => /hold|release|slot/i.test(name))).toEqual([]);
    expect(printSubgraphSchema(schema)).toContain('updateCapacity(');
  });
});

import { randomUUID } from 'node:crypto';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { createTestService } from '@haven/partners/src/test-fixtures';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { gatewayAssertion, identityFor, postToSubgraph, type GraphqlBody } from '../support/trust';

// Capacity is stated by the service's own organisation only — through the gateway and around it — and
// read by every member. Holds are not reachable from outside at all.

const UPDATE = `mutation ($input: UpdateCapacityInput!) {
  updateCapacity(input: $input) { totalSlots heldSlots availableSlots paused waitlistLength stale confirmedBy { id } }
}`;
const READ = 'query ($id: ID!) { service(id: $id) { id capacity { totalSlots availableSlots stale confirmedBy { id } } } }';

let stack: Stack;
let serviceA: string;
let serviceB: string;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const input = (serviceId: string, totalSlots = 4) => ({ input: { serviceId, totalSlots, paused: false, waitlistLength: 0 } });
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);
const capacityRow = (serviceId: string) => stack.dbs.partners.capacity.findUnique({ where: { serviceId } });

beforeAll(async () => {
  stack = await startStack();
  ({ serviceId: serviceA } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerA.id));
  ({ serviceId: serviceB } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerB.id));
  const first = await stack.graphql(UPDATE, input(serviceB, 2), await tokenOf('staffB'));
  if (first.body.errors) throw new Error(`could not set up B's capacity: ${JSON.stringify(first.body.errors)}`);
});
afterAll(async () => {
  await stack?.close();
});

describe('capacity through the gateway', () => {
  it("lets partner staff of A update A's capacity, and a coordinator read it", async () => {
    const res = await stack.graphql(UPDATE, input(serviceA, 5), await tokenOf('staffA'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateCapacity).toEqual({
      totalSlots: 5,
      heldSlots: 0,
      availableSlots: 5,
      paused: false,
      waitlistLength: 0,
      stale: false,
      confirmedBy: { id: TEST_USERS.staffA.id },
    });
    const read = await stack.graphql(READ, { id: serviceA }, await tokenOf('coordinatorA'));
    expect(read.body.data?.service?.capacity).toEqual({ totalSlots: 5, availableSlots: 5, stale: false, confirmedBy: { id: TEST_USERS.staffA.id } });
  });

  it.each([
    ['partner staff of A', 'staffA', () => serviceB],
    ['partner admin of A', 'adminA', () => serviceB],
    ['partner staff of B', 'staffB', () => serviceA],
    ['a network admin', 'networkAdmin', () => serviceB],
    ['a coordinator', 'coordinatorA', () => serviceB],
    ['an auditor', 'auditor', () => serviceB],
  ] as const)("refuses %s changing another organisation's capacity (FORBIDDEN), and nothing changes", async (_who, user, service) => {
    const before = await capacityRow(service());
    const res = await stack.graphql(UPDATE, input(service(), 40), await tokenOf(user));
    expect(codes(res.body)).toEqual(['FORBIDDEN']);
    expect(res.body.data ?? null).toBeNull();
    expect(await capacityRow(service())).toEqual(before);
  });

  it('refuses an anonymous caller', async () => {
    const res = await stack.graphql(UPDATE, input(serviceB, 40), null);
    expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
    expect((await capacityRow(serviceB))?.totalSlots).toBe(2);
  });
});

describe('capacity around the gateway', () => {
  const body = (serviceId: string): GraphqlBody => ({ query: UPDATE, variables: input(serviceId, 40) });

  it("refuses partner A's staff on B's service even with a valid gateway assertion", async () => {
    const identityToken = await identityFor(stack.keys, {
      subject: TEST_USERS.staffA.id,
      organisationId: TEST_ORGANISATIONS.partnerA.id,
      roles: ['PARTNER_STAFF'],
    });
    const request = body(serviceB);
    const assertion = await gatewayAssertion(stack.keys, { audience: 'partners', body: request, identityToken });
    const res = await postToSubgraph(stack.subgraphUrls.partners, request, { assertion, identityToken });
    expect(res.status).toBe(200);
    expect(res.body?.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await capacityRow(serviceB))?.totalSlots).toBe(2);
  });

  it('refuses an update sent without a gateway assertion (401)', async () => {
    const identityToken = await identityFor(stack.keys, {
      subject: TEST_USERS.staffB.id,
      organisationId: TEST_ORGANISATIONS.partnerB.id,
      roles: ['PARTNER_STAFF'],
    });
    const res = await postToSubgraph(stack.subgraphUrls.partners, body(serviceB), { identityToken });
    expect(res.status).toBe(401);
    expect((await capacityRow(serviceB))?.totalSlots).toBe(2);
  });

  it('refuses a hold signed by the gateway; the cases service may hold', async () => {
    const identityToken = await identityFor(stack.keys, {
      subject: TEST_USERS.staffB.id,
      organisationId: TEST_ORGANISATIONS.partnerB.id,
      roles: ['PARTNER_STAFF'],
    });
    const hold = (from: 'gateway' | 'cases', referralId: string) =>
      callInternal<{ held: boolean }>({
        keys: partKeysFromSet(stack.keys, from),
        target: 'partners',
        baseUrl: stack.subgraphUrls.partners,
        route: 'hold-slot',
        body: { serviceId: serviceB, referralId },
        identityToken,
      });
    await expect(hold('gateway', randomUUID())).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect((await capacityRow(serviceB))?.heldSlots).toBe(0);
    const referralId = randomUUID();
    await expect(hold('cases', referralId)).resolves.toMatchObject({ held: true });
    expect((await capacityRow(serviceB))?.heldSlots).toBe(1);
    await callInternal({
      keys: partKeysFromSet(stack.keys, 'cases'),
      target: 'partners',
      baseUrl: stack.subgraphUrls.partners,
      route: 'release-slot',
      body: { referralId },
      identityToken,
    });
    expect((await capacityRow(serviceB))?.heldSlots).toBe(0);
  });
});

import { createTestService } from '@haven/partners/src/test-fixtures';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// The directory is read by every member and written only by the organisation itself (its partner
// admin) or a network admin — checked here through the gateway, as a portal or integrator would call.

const UPDATE_SERVICE = 'mutation ($input: UpdateServiceInput!) { updateService(input: $input) { id description } }';
const UPDATE_PROFILE =
  'mutation ($input: UpdateOrganisationProfileInput!) { updateOrganisationProfile(input: $input) { organisation { id } description } }';

let stack: Stack;
let serviceA: string;
let serviceB: string;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  stack = await startStack();
  ({ serviceId: serviceA } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerA.id));
  ({ serviceId: serviceB } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerB.id));
});
afterAll(async () => {
  await stack?.close();
});

describe('directory writes through the gateway', () => {
  it("refuses partner A's admin on partner B's service and leaves it unchanged", async () => {
    const before = await stack.dbs.partners.service.findUniqueOrThrow({ where: { id: serviceB } });
    const { body } = await stack.graphql(UPDATE_SERVICE, { input: { id: serviceB, description: 'changed by A' } }, await tokenOf('adminA'));
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.data?.updateService ?? null).toBeNull();
    const after = await stack.dbs.partners.service.findUniqueOrThrow({ where: { id: serviceB } });
    expect(after.description).toBe(before.description);
  });

  it("refuses partner A's admin on partner B's profile and leaves it unchanged", async () => {
    const before = await stack.dbs.partners.organisationProfile.findUniqueOrThrow({ where: { organisationId: TEST_ORGANISATIONS.partnerB.id } });
    const { body } = await stack.graphql(
      UPDATE_PROFILE,
      { input: { organisationId: TEST_ORGANISATIONS.partnerB.id, description: 'changed by A' } },
      await tokenOf('adminA'),
    );
    expect(codes(body)).toEqual(['FORBIDDEN']);
    const after = await stack.dbs.partners.organisationProfile.findUniqueOrThrow({ where: { organisationId: TEST_ORGANISATIONS.partnerB.id } });
    expect(after.description).toBe(before.description);
  });

  it("refuses partner B's staff (not an admin) on B's own service", async () => {
    const { body } = await stack.graphql(UPDATE_SERVICE, { input: { id: serviceB, description: 'changed by staff' } }, await tokenOf('staffB'));
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });

  it("lets partner A's admin change A's own service (the control)", async () => {
    const { body } = await stack.graphql(UPDATE_SERVICE, { input: { id: serviceA, description: 'changed by A' } }, await tokenOf('adminA'));
    expect(body.errors).toBeUndefined();
    expect(body.data.updateService).toEqual({ id: serviceA, description: 'changed by A' });
  });
});

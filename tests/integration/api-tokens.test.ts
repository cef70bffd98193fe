import { createPartnersDb } from '@haven/partners/src/db';
import { createTestService } from '@haven/partners/src/test-fixtures';
import { testDatabase } from '@haven/kit/src/testing/db';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// An integration's API token through the gateway: created by a partner admin, used as a Bearer token,
// limited to its scopes and its own organisation, and refused once revoked (after the gateway's cache).

const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const DIRECTORY = `query ($id: ID!) { service(id: $id) { id name organisation { id name } capacity { totalSlots } } }`;
const UPDATE = `mutation ($input: UpdateCapacityInput!) { updateCapacity(input: $input) { totalSlots waitlistLength confirmedBy { id } } }`;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);
const input = (serviceId: string, totalSlots: number) => ({ input: { serviceId, totalSlots, paused: false, waitlistLength: 1 } });

let stack: Stack;
let adminA: string;
let serviceA: string;
let serviceB: string;

async function createToken(scopes: string[]): Promise<{ token: string; id: string }> {
  const res = await stack.graphql(CREATE, { input: { name: 'Test integration', scopes } }, adminA);
  if (res.body.errors) throw new Error(`createApiToken failed: ${JSON.stringify(res.body.errors)}`);
  return { token: res.body.data.createApiToken.token, id: res.body.data.createApiToken.apiToken.id };
}

let partnersAdmin: ReturnType<typeof createPartnersDb>;

beforeAll(async () => {
  stack = await startStack();
  partnersAdmin = createPartnersDb(testDatabase().adminUrl, 1);
  adminA = await stack.login(TEST_USERS.adminA.email);
  ({ serviceId: serviceA } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerA.id));
  ({ serviceId: serviceB } = await createTestService(stack.dbs.partners, TEST_ORGANISATIONS.partnerB.id));
});
afterAll(async () => {
  await partnersAdmin?.$disconnect();
  await stack?.close();
});

describe('an API token through the gateway', () => {
  it('reads the directory with directory:read', async () => {
    const { token } = await createToken(['DIRECTORY_READ']);
    const res = await stack.graphql(DIRECTORY, { id: serviceB }, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.service.organisation).toEqual({ id: TEST_ORGANISATIONS.partnerB.id, name: TEST_ORGANISATIONS.partnerB.name });
  });

  it('is refused the directory without directory:read', async () => {
    const { token } = await createToken(['CAPACITY_WRITE', 'REFERRALS_READ']);
    const res = await stack.graphql(DIRECTORY, { id: serviceA }, token);
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(['FORBIDDEN']);
  });

  it("updates its own organisation's capacity with capacity:write, recording no user", async () => {
    const { token, id } = await createToken(['CAPACITY_WRITE']);
    const res = await stack.graphql(UPDATE, input(serviceA, 7), token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.updateCapacity).toEqual({ totalSlots: 7, waitlistLength: 1, confirmedBy: null });
    // The history is insert-only for the service's role: read it as the owner.
    const change = await partnersAdmin.$queryRaw<{ byUserId: string | null; byPart: string }[]>`
      SELECT "byUserId", "byPart" FROM "partners"."CapacityChange" WHERE "serviceId" = ${serviceA}::uuid ORDER BY "at" DESC LIMIT 1`;
    expect(change[0]).toEqual({ byUserId: null, byPart: `integration:${id}` });
  });

  it("cannot update another organisation's capacity, nor its own without capacity:write", async () => {
    const writer = await createToken(['CAPACITY_WRITE', 'DIRECTORY_READ']);
    const before = await stack.dbs.partners.capacity.findUnique({ where: { serviceId: serviceB } });
    expect(codes((await stack.graphql(UPDATE, input(serviceB, 9), writer.token)).body)).toEqual(['FORBIDDEN']);
    expect(await stack.dbs.partners.capacity.findUnique({ where: { serviceId: serviceB } })).toEqual(before);

    const reader = await createToken(['DIRECTORY_READ']);
    expect(codes((await stack.graphql(UPDATE, input(serviceA, 9), reader.token)).body)).toEqual(['FORBIDDEN']);
  });

  it('cannot act as a person: no me, no tokens, no directory edits', async () => {
    const { token } = await createToken(['DIRECTORY_READ', 'CAPACITY_WRITE']);
    expect(codes((await stack.graphql('{ me { roles } }', {}, token)).body)).toEqual(['FORBIDDEN']);
    expect(codes((await stack.graphql(CREATE, { input: { name: 'x', scopes: ['DIRECTORY_READ'] } }, token)).body)).toEqual(['FORBIDDEN']);
    expect(codes((await stack.graphql('{ apiTokens { id } }', {}, token)).body)).toEqual(['FORBIDDEN']);
  });

  it('is refused with 401 when unknown, and its secret never reaches the logs', async () => {
    const { token, id } = await createToken(['DIRECTORY_READ']);
    const wrong = `hvt_${id}_${'A'.repeat(43)}`;
    const res = await stack.graphql(DIRECTORY, { id: serviceA }, wrong);
    expect(res.status).toBe(401);
    expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
    await stack.graphql(DIRECTORY, { id: serviceA }, token);
    const secret = token.slice(`hvt_${id}_`.length);
    expect(stack.logs.join('\n')).not.toContain(secret);
  });
});

describe('revoking a token', () => {
  it('is refused on the very next request (no gateway cache keeps it alive)', async () => {
    const { token, id } = await createToken(['DIRECTORY_READ']);
    expect((await stack.graphql(DIRECTORY, { id: serviceA }, token)).status).toBe(200);

    const revoked = await stack.graphql(REVOKE, { id }, adminA);
    expect(revoked.body.errors).toBeUndefined();

    const after = await stack.graphql(DIRECTORY, { id: serviceA }, token);
    expect(after.status).toBe(401);
    expect(codes(after.body)).toEqual(['UNAUTHENTICATED']);
  });
});

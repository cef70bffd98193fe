import { callInternal } from '@haven/kit/src/http/internal-client';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { verifyIdentity } from '@haven/kit/src/trust/tokens';
import { hashApiTokenSecret } from '../domain/api-token-secret';
import type { ResolvedSession } from '../domain/resolve-session';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

const CREATE = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name scopes prefix createdAt expiresAt revokedAt } }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const LIST = `{ apiTokens { id name scopes prefix expiresAt revokedAt } }`;

let identity: IdentityHarness;
let partnerA: { id: string };
let adminA: { identityToken: string; id: string };
let adminB: { identityToken: string };
let staffA: { identityToken: string };
let coordinator: { identityToken: string };

async function resolveToken(token: string) {
  return callInternal<ResolvedSession | null>({
    keys: partKeysFromSet(identity.keys, 'gateway'),
    target: 'identity',
    baseUrl: identity.url,
    route: 'resolve-token',
    body: { token },
    identityToken: null,
  });
}

async function create(input: Record<string, unknown>, identityToken = adminA.identityToken) {
  const response = await identity.graphql(CREATE, { input: { name: 'Client system', scopes: ['DIRECTORY_READ'], ...input } }, identityToken);
  return response;
}

beforeAll(async () => {
  identity = await startIdentity();
  partnerA = await createOrganisation(identity.db);
  const partnerB = await createOrganisation(identity.db);
  const centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  const a = await createUser(identity.db, { memberships: [{ organisationId: partnerA.id, role: 'PARTNER_ADMIN' }] });
  adminA = { ...(await identity.signIn(a)), id: a.id };
  adminB = await identity.signIn(await createUser(identity.db, { memberships: [{ organisationId: partnerB.id, role: 'PARTNER_ADMIN' }] }));
  staffA = await identity.signIn(await createUser(identity.db, { memberships: [{ organisationId: partnerA.id, role: 'PARTNER_STAFF' }] }));
  coordinator = await identity.signIn(await createUser(identity.db, { memberships: [{ organisationId: centre.id, role: 'COORDINATOR' }] }));
});
afterAll(() => identity?.close());

describe('createApiToken', () => {
  it('shows the token once and stores only the hash of its secret', async () => {
    const response = await create({ scopes: ['DIRECTORY_READ', 'CAPACITY_WRITE', 'DIRECTORY_READ'] });
    expect(response.body.errors).toBeUndefined();
    const { token, apiToken } = response.body.data.createApiToken;
    expect(token).toMatch(new RegExp(`^hvt_${apiToken.id}_[A-Za-z0-9_-]{43}$`));
    expect(apiToken).toMatchObject({ name: 'Client system', scopes: ['DIRECTORY_READ', 'CAPACITY_WRITE'], expiresAt: null, revokedAt: null });
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    const row = await identity.admin.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    const secret = token.slice(`hvt_${apiToken.id}_`.length);
    expect(row.tokenHash).toBe(hashApiTokenSecret(secret));
    expect(row.tokenHash).not.toContain(secret);
    expect(row).toMatchObject({ organisationId: partnerA.id, createdByUserId: adminA.id, scopes: ['directory:read', 'capacity:write'] });

    const listed = await identity.graphql(LIST, {}, adminA.identityToken);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.data.apiTokens).toContainEqual(expect.objectContaining({ id: apiToken.id, prefix: apiToken.prefix }));
  });

  it.each([
    ['partner staff', () => staffA.identityToken],
    ['a coordinator', () => coordinator.identityToken],
  ])('is refused to %s', async (_who, token) => {
    const response = await create({}, token());
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const listed = await identity.graphql(LIST, {}, token());
    expect(errorCodes(listed)).toEqual(['FORBIDDEN']);
  });

  it('refuses no scopes, an unknown scope and an expiry in the past', async () => {
    expect(errorCodes(await create({ scopes: [] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await create({ scopes: ['EVERYTHING'] }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await create({ expiresAt: new Date(Date.now() - 1000).toISOString() }))).toEqual(['BAD_USER_INPUT']);
  });

  it("lists only the caller's own organisation's tokens", async () => {
    const { apiToken } = (await create({ name: 'Only A' })).body.data.createApiToken;
    const listedByB = await identity.graphql(LIST, {}, adminB.identityToken);
    expect(listedByB.body.errors).toBeUndefined();
    expect(listedByB.body.data.apiTokens.map((t: { id: string }) => t.id)).not.toContain(apiToken.id);
  });
});

describe('resolve-token', () => {
  it('signs an integration identity with the token organisation and scopes, no roles', async () => {
    const { token, apiToken } = (await create({ scopes: ['REFERRALS_READ', 'MESSAGES_WRITE'] })).body.data.createApiToken;
    const resolved = await resolveToken(token);
    const caller = await verifyIdentity(resolved!.identityToken, partKeysFromSet(identity.keys, 'gateway').publicKeys.identity);
    expect(caller).toMatchObject({
      kind: 'integration',
      subject: apiToken.id,
      organisationId: partnerA.id,
      roles: [],
      scopes: ['referrals:read', 'messages:write'],
    });
  });

  it('refuses a wrong secret, an unknown id, a session token and garbage', async () => {
    const { token, apiToken } = (await create({})).body.data.createApiToken;
    const wrongSecret = `hvt_${apiToken.id}_${'A'.repeat(43)}`;
    expect(await resolveToken(wrongSecret)).toBeNull();
    expect(await resolveToken(token.replace(apiToken.id, '00000000-0000-4000-8000-000000000000'))).toBeNull();
    expect(await resolveToken(`hvs_${'A'.repeat(43)}`)).toBeNull();
    expect(await resolveToken('hvt_nonsense')).toBeNull();
  });

  it('refuses an expired token and never signs past its expiry', async () => {
    const { token, apiToken } = (await create({ expiresAt: new Date(Date.now() + 30_000).toISOString() })).body.data.createApiToken;
    const resolved = await resolveToken(token);
    expect(new Date(resolved!.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 31_000);
    await identity.admin.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveToken(token)).toBeNull();
  });
});

describe('revokeApiToken', () => {
  it('revokes the token: resolve-token refuses it from then on', async () => {
    const { token, apiToken } = (await create({})).body.data.createApiToken;
    expect(await resolveToken(token)).not.toBeNull();
    const response = await identity.graphql(REVOKE, { id: apiToken.id }, adminA.identityToken);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.revokeApiToken.revokedAt).not.toBeNull();
    expect(await resolveToken(token)).toBeNull();
  });

  it("answers NOT_FOUND for another organisation's token and leaves it working", async () => {
    const { token, apiToken } = (await create({})).body.data.createApiToken;
    const response = await identity.graphql(REVOKE, { id: apiToken.id }, adminB.identityToken);
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    expect(await resolveToken(token)).not.toBeNull();
  });

  it('is refused to partner staff of the same organisation', async () => {
    const { apiToken } = (await create({})).body.data.createApiToken;
    expect(errorCodes(await identity.graphql(REVOKE, { id: apiToken.id }, staffA.identityToken))).toEqual(['FORBIDDEN']);
  });
});

describe('an integration in identity', () => {
  it('reads organisation names with directory:read, not without, and never me or token management', async () => {
    const withDirectory = (await resolveToken((await create({ scopes: ['DIRECTORY_READ'] })).body.data.createApiToken.token))!.identityToken;
    const without = (await resolveToken((await create({ scopes: ['CAPACITY_WRITE'] })).body.data.createApiToken.token))!.identityToken;

    const read = await identity.graphql(`query O($id: ID!) { organisation(id: $id) { id name } }`, { id: partnerA.id }, withDirectory);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.organisation.id).toBe(partnerA.id);
    expect(errorCodes(await identity.graphql(`{ organisations { id } }`, {}, without))).toEqual(['FORBIDDEN']);

    expect(errorCodes(await identity.graphql(`{ me { roles } }`, {}, withDirectory))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await identity.graphql(LIST, {}, withDirectory))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await create({}, withDirectory))).toEqual(['FORBIDDEN']);
  });
});

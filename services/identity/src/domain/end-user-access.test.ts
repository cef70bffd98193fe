import { callInternal } from '@haven/kit/src/http/internal-client';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { ResolvedSession } from './resolve-session';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

// Leaving, end to end through the identity subgraph: what a deactivated or removed person held (sessions, the API
// tokens they created) opens nothing on the very next resolve.

const CREATE_TOKEN = `mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }`;
const DEACTIVATE = `mutation Deactivate($userId: ID!) { deactivateUser(userId: $userId) { id active } }`;
const REMOVE = `mutation Remove($userId: ID!, $organisationId: ID!) { removeMember(userId: $userId, organisationId: $organisationId) { id } }`;

let identity: IdentityHarness;
let networkAdmin: { identityToken: string };

const resolveToken = (token: string) =>
  callInternal<ResolvedSession | null>({
    keys: partKeysFromSet(identity.keys, 'gateway'),
    target: 'identity',
    baseUrl: identity.url,
    route: 'resolve-token',
    body: { token },
    identityToken: null,
  });

/** A partner organisation with two admins (so one may leave), the first signed in and holding a fresh token. */
async function partnerWithTokenHolder() {
  const organisation = await createOrganisation(identity.db);
  const holder = await createUser(identity.db, { memberships: [{ organisationId: organisation.id, role: 'PARTNER_ADMIN' }] });
  const other = await createUser(identity.db, { memberships: [{ organisationId: organisation.id, role: 'PARTNER_ADMIN' }] });
  const session = await identity.signIn(holder);
  const created = await identity.graphql(CREATE_TOKEN, { input: { name: 'Case system', scopes: ['DIRECTORY_READ'] } }, session.identityToken);
  const { token, apiToken } = created.body.data.createApiToken as { token: string; apiToken: { id: string } };
  await expect(resolveToken(token)).resolves.not.toBeNull();
  return { organisation, holder, session, token, tokenId: apiToken.id, otherAdmin: await identity.signIn(other) };
}

beforeAll(async () => {
  identity = await startIdentity();
  const centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  networkAdmin = await identity.signIn(await createUser(identity.db, { memberships: [{ organisationId: centre.id, role: 'NETWORK_ADMIN' }] }));
});
afterAll(() => identity?.close());

describe('leaving ends access at once', () => {
  it('deactivating a user ends their sessions and revokes the API tokens they created', async () => {
    const { holder, session, token, tokenId } = await partnerWithTokenHolder();

    const response = await identity.graphql(DEACTIVATE, { userId: holder.id }, networkAdmin.identityToken);

    expect(response.body.errors).toBeUndefined();
    await expect(identity.resolveSession(session.sessionToken)).resolves.toBeNull();
    await expect(resolveToken(token)).resolves.toBeNull();
    const row = await identity.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.revokedAt).not.toBeNull();
  });

  it('removing a member ends their sessions there and revokes the tokens they created for that organisation', async () => {
    const { organisation, holder, session, token, tokenId, otherAdmin } = await partnerWithTokenHolder();

    const response = await identity.graphql(REMOVE, { userId: holder.id, organisationId: organisation.id }, otherAdmin.identityToken);

    expect(response.body.errors).toBeUndefined();
    await expect(identity.resolveSession(session.sessionToken)).resolves.toBeNull();
    await expect(resolveToken(token)).resolves.toBeNull();
    expect((await identity.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).not.toBeNull();
  });

  it('removal from one organisation leaves the tokens made for another organisation working', async () => {
    const first = await partnerWithTokenHolder();
    const second = await createOrganisation(identity.db);
    await identity.admin.membership.create({ data: { userId: first.holder.id, organisationId: second.id, role: 'PARTNER_ADMIN' } });
    const secondSession = await identity.signIn(first.holder); // two organisations: the session has none chosen yet
    await identity.graphql(`mutation { selectOrganisation(organisationId: "${second.id}") { roles } }`, {}, secondSession.identityToken);
    const resolved = await identity.resolveSession(secondSession.sessionToken);
    const made = await identity.graphql(CREATE_TOKEN, { input: { name: 'Other system', scopes: ['DIRECTORY_READ'] } }, resolved!.identityToken);
    const otherToken = made.body.data.createApiToken.token as string;

    await identity.graphql(REMOVE, { userId: first.holder.id, organisationId: first.organisation.id }, first.otherAdmin.identityToken);

    await expect(resolveToken(first.token)).resolves.toBeNull();
    await expect(resolveToken(otherToken)).resolves.not.toBeNull();
    await expect(identity.resolveSession(secondSession.sessionToken)).resolves.not.toBeNull();
  });

  it('a token whose creator is no longer a member opens nothing, even if it was never marked revoked', async () => {
    const { organisation, holder, token, tokenId } = await partnerWithTokenHolder();
    // The membership disappears without removeMember (e.g. a repair by hand): the resolve-time check still holds.
    await identity.admin.membership.deleteMany({ where: { userId: holder.id, organisationId: organisation.id } });

    await expect(resolveToken(token)).resolves.toBeNull();
    expect((await identity.db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
  });

  it('a token whose creator was deactivated without deactivateUser opens nothing either', async () => {
    const { holder, token } = await partnerWithTokenHolder();
    await identity.admin.user.update({ where: { id: holder.id }, data: { active: false } });
    await expect(resolveToken(token)).resolves.toBeNull();
  });
});

import { verifyIdentity } from '@haven/kit/src/trust/tokens';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { throttleKey } from '../domain/login-throttle';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

const ME = `{ me { user { id email } activeOrganisation { id } roles memberships { role organisation { id name } } } }`;
const SELECT = `mutation Select($id: ID!) { selectOrganisation(organisationId: $id) { activeOrganisation { id } roles } }`;
const LOGOUT = `mutation { logout }`;
const CHANGE = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }`;

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity?.close());

async function twoOrganisationUser() {
  const [a, b] = await Promise.all([createOrganisation(identity.db), createOrganisation(identity.db)]);
  const user = await createUser(identity.db, {
    memberships: [
      { organisationId: a.id, role: 'PARTNER_STAFF' },
      { organisationId: b.id, role: 'PARTNER_ADMIN' },
      { organisationId: b.id, role: 'PARTNER_STAFF' },
    ],
  });
  return { a, b, user };
}

describe('me', () => {
  it('shows the signed-in user, their memberships with organisations, and the active organisation and roles', async () => {
    const org = await createOrganisation(identity.db);
    const user = await createUser(identity.db, { memberships: [{ organisationId: org.id, role: 'PARTNER_ADMIN' }] });
    const { identityToken } = await identity.signIn(user);

    const response = await identity.graphql(ME, {}, identityToken);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.me).toEqual({
      user: { id: user.id, email: user.email },
      activeOrganisation: { id: org.id },
      roles: ['PARTNER_ADMIN'],
      memberships: [{ role: 'PARTNER_ADMIN', organisation: { id: org.id, name: org.name } }],
    });
  });

  it('is refused to an anonymous caller', async () => {
    const response = await identity.graphql(ME);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('selectOrganisation', () => {
  it("stores a chosen organisation of the user's own on the session, with that organisation's roles", async () => {
    const { b, user } = await twoOrganisationUser();
    const { sessionToken, identityToken } = await identity.signIn(user);
    expect((await identity.graphql(ME, {}, identityToken)).body.data.me.activeOrganisation).toBeNull();

    const response = await identity.graphql(SELECT, { id: b.id }, identityToken);

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.selectOrganisation.activeOrganisation).toEqual({ id: b.id });
    expect([...response.body.data.selectOrganisation.roles].sort()).toEqual(['PARTNER_ADMIN', 'PARTNER_STAFF']);
    const resolved = await identity.resolveSession(sessionToken);
    const caller = await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey);
    expect(caller.organisationId).toBe(b.id);
    expect([...caller.roles].sort()).toEqual(['PARTNER_ADMIN', 'PARTNER_STAFF']);
  });

  it('refuses an organisation the user has no membership in and leaves the session unchanged', async () => {
    const { a, user } = await twoOrganisationUser();
    const foreign = await createOrganisation(identity.db);
    const { sessionToken, identityToken } = await identity.signIn(user);
    await identity.graphql(SELECT, { id: a.id }, identityToken);

    const response = await identity.graphql(SELECT, { id: foreign.id }, identityToken);

    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const resolved = await identity.resolveSession(sessionToken);
    expect((await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey)).organisationId).toBe(a.id);
  });

  it('refuses a deactivated organisation even for its members', async () => {
    const { a, user } = await twoOrganisationUser();
    const { identityToken } = await identity.signIn(user);
    await identity.db.organisation.update({ where: { id: a.id }, data: { active: false } });

    const response = await identity.graphql(SELECT, { id: a.id }, identityToken);

    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('logout', () => {
  it('revokes the session at once: its token no longer resolves', async () => {
    const user = await createUser(identity.db);
    const { sessionToken, identityToken } = await identity.signIn(user);

    const response = await identity.graphql(LOGOUT, {}, identityToken);

    expect(response.body.data).toEqual({ logout: true });
    await expect(identity.resolveSession(sessionToken)).resolves.toBeNull();
  });

  it('leaves the same user’s other sessions alone', async () => {
    const user = await createUser(identity.db);
    const first = await identity.signIn(user);
    const second = await identity.signIn(user);

    await identity.graphql(LOGOUT, {}, first.identityToken);

    await expect(identity.resolveSession(second.sessionToken)).resolves.not.toBeNull();
  });
});

describe('changePassword', () => {
  it("sets the new password, keeps this session and revokes the user's other sessions", async () => {
    const user = await createUser(identity.db);
    const here = await identity.signIn(user);
    const elsewhere = await identity.signIn(user);

    const response = await identity.graphql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: 'a brand new passphrase' } },
      here.identityToken,
    );

    expect(response.body.data).toEqual({ changePassword: true });
    await expect(identity.resolveSession(here.sessionToken)).resolves.not.toBeNull();
    await expect(identity.resolveSession(elsewhere.sessionToken)).resolves.toBeNull();
    expect(errorCodes(await identity.login(user.email, user.password))).toEqual(['INVALID_CREDENTIALS']);
    expect((await identity.login(user.email, 'a brand new passphrase')).body.errors).toBeUndefined();
  });

  it('refuses a common password with the field and reason the portal words', async () => {
    const user = await createUser(identity.db);
    const { identityToken } = await identity.signIn(user);
    const response = await identity.graphql(CHANGE, { input: { currentPassword: user.password, newPassword: 'PasswordPassword' } }, identityToken);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'COMMON' });
    expect((await identity.login(user.email, 'PasswordPassword')).body.errors).toBeDefined();
  });

  it('refuses a new password shorter than 15 characters and changes nothing', async () => {
    const user = await createUser(identity.db);
    const other = await identity.signIn(user);
    const { identityToken } = await identity.signIn(user);
    const before = (await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    const response = await identity.graphql(CHANGE, { input: { currentPassword: user.password, newPassword: 'fourteen chars' } }, identityToken);

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
    await expect(identity.resolveSession(other.sessionToken)).resolves.not.toBeNull();
  });

  it('refuses a wrong current password and counts it as a failed attempt', async () => {
    const user = await createUser(identity.db);
    const { identityToken } = await identity.signIn(user);

    const response = await identity.graphql(
      CHANGE,
      { input: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } },
      identityToken,
    );

    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    const throttle = await identity.db.loginThrottle.findUnique({ where: { emailHash: throttleKey(user.email) } });
    expect(throttle!.failedCount).toBe(1);
  });

  it('refuses to change the password of a locked address, even with the right current password', async () => {
    const user = await createUser(identity.db);
    const { identityToken } = await identity.signIn(user);
    for (let attempt = 0; attempt < 5; attempt++) await identity.login(user.email, 'wrong password guess');
    const before = (await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    const response = await identity.graphql(
      CHANGE,
      { input: { currentPassword: user.password, newPassword: 'a brand new passphrase' } },
      identityToken,
    );

    expect(errorCodes(response)).toEqual(['TOO_MANY_ATTEMPTS']);
    // The first lock lasts 30 s: when it ends, in whole seconds (the gateway's Retry-After).
    const retryAfterSeconds = response.body.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(retryAfterSeconds).toBeGreaterThan(20);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });
});

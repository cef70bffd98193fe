import { createHash } from 'node:crypto';
import { graphqlRequestDigest, sha256 } from '@haven/kit/src/trust/digest';
import { signAssertion, verifyIdentity } from '@haven/kit/src/trust/tokens';
import { createOrganisation, createUser } from './testing/fixtures';
import { startIdentity, type IdentityHarness } from './testing/harness';

let identity: IdentityHarness;
beforeAll(async () => {
  // The defaults, spelled out: the idle and lifetime tests age sessions against these numbers.
  identity = await startIdentity({ idleTimeoutMs: 30 * 60_000, maxLifetimeMs: 12 * 3_600_000 });
});
afterAll(() => identity?.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function userWithOrganisation() {
  const org = await createOrganisation(identity.db);
  const user = await createUser(identity.db, { memberships: [{ organisationId: org.id, role: 'PARTNER_ADMIN' }] });
  return { org, user };
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

const sessionOf = (sessionToken: string) =>
  identity.db.session.findUniqueOrThrow({ where: { tokenHash: sha256Hex(sessionToken) } });

describe('the gateway trust boundary', () => {
  it('refuses a GraphQL request without a gateway assertion with 401', async () => {
    const response = await fetch(identity.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('refuses a GraphQL request signed by a part other than the gateway with 401', async () => {
    const query = '{ organisations { id } }';
    const assertion = await signAssertion(identity.keys.cases.privateKey, {
      issuer: 'cases',
      audience: 'identity',
      requestDigest: graphqlRequestDigest({ query, variables: {} }),
      identityToken: null,
      requestId: 'test',
    });
    const response = await fetch(identity.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-haven-assertion': assertion },
      body: JSON.stringify({ query, variables: {} }),
    });
    expect(response.status).toBe(401);
  });
});

describe('resolve-session', () => {
  it('turns a live session into an identity with the active organisation and its roles', async () => {
    const { org, user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    const session = await sessionOf(sessionToken);

    const resolved = await identity.resolveSession(sessionToken);

    const caller = await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey);
    expect(caller).toEqual({
      subject: user.id,
      kind: 'user',
      sessionId: session.id,
      organisationId: org.id,
      roles: ['PARTNER_ADMIN'],
      scopes: [],
    });
    const expiresAt = Date.parse(resolved!.expiresAt);
    expect(expiresAt).toBeGreaterThan(Date.now());
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 121_000);
  });

  it('answers null for an unknown or malformed token', async () => {
    await expect(identity.resolveSession('hvs_' + 'A'.repeat(43))).resolves.toBeNull();
    await expect(identity.resolveSession('something else')).resolves.toBeNull();
  });

  it('refuses callers other than the gateway with 401', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    const body = JSON.stringify({ token: sessionToken });
    const assertion = await signAssertion(identity.keys.cases.privateKey, {
      issuer: 'cases',
      audience: 'identity',
      requestDigest: sha256(body),
      identityToken: null,
      requestId: 'test',
    });

    const response = await fetch(new URL('/internal/resolve-session', identity.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-haven-assertion': assertion },
      body,
    });

    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('identityToken');
  });

  it('answers null once the session has been idle longer than the idle timeout', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    await identity.db.session.update({ where: { tokenHash: sha256Hex(sessionToken) }, data: { lastSeenAt: minutesAgo(31) } });

    await expect(identity.resolveSession(sessionToken)).resolves.toBeNull();
  });

  it('answers null after the absolute lifetime, however recently the session was used', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    await identity.db.session.update({ where: { tokenHash: sha256Hex(sessionToken) }, data: { expiresAt: minutesAgo(1) } });

    await expect(identity.resolveSession(sessionToken)).resolves.toBeNull();
  });

  it('answers null when the active organisation has been deactivated', async () => {
    const { org, user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    await identity.db.organisation.update({ where: { id: org.id }, data: { active: false } });

    await expect(identity.resolveSession(sessionToken)).resolves.toBeNull();
  });

  it('answers null for a deactivated user even before their sessions are revoked', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    await identity.db.user.update({ where: { id: user.id }, data: { active: false } });

    await expect(identity.resolveSession(sessionToken)).resolves.toBeNull();
  });

  it('refreshes lastSeenAt at most once a minute', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    const where = { tokenHash: sha256Hex(sessionToken) };
    const fresh = (await identity.db.session.findUniqueOrThrow({ where })).lastSeenAt;

    await identity.resolveSession(sessionToken);
    expect((await identity.db.session.findUniqueOrThrow({ where })).lastSeenAt).toEqual(fresh);

    await identity.db.session.update({ where, data: { lastSeenAt: minutesAgo(5) } });
    await identity.resolveSession(sessionToken);
    expect((await identity.db.session.findUniqueOrThrow({ where })).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('drops the organisation and its roles when the membership was removed after it was chosen', async () => {
    const { user } = await userWithOrganisation();
    const { sessionToken } = await identity.signIn(user);
    // The service itself never removes a membership (no DELETE grant): the owner plays the administrator.
    await identity.admin.membership.deleteMany({ where: { userId: user.id } });

    const resolved = await identity.resolveSession(sessionToken);

    const caller = await verifyIdentity(resolved!.identityToken, identity.keys.identity.publicKey);
    expect(caller.organisationId).toBeNull();
    expect(caller.roles).toEqual([]);
  });
});

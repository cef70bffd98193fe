import type { Role } from '@haven/kit/src/taxonomy';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { ACCOUNT_TOKEN_TTL_MS, hashAccountToken } from '../domain/account-token';
import { MAX_OPEN_RESET_LINKS } from '../domain/request-password-reset';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

// The e-mailed account links over GraphQL: invitations and password resets — each link works once, not after it
// expired, only for its own purpose; the mail waits in the outbox with the link and nothing about the person.

const INVITE = `mutation Invite($input: CreateUserInput!) { inviteUser(input: $input) { id email active } }`;
const ACCEPT = `mutation Accept($input: SetPasswordByLinkInput!) { acceptInvitation(input: $input) }`;
const REQUEST_RESET = `mutation Request($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation Reset($input: SetPasswordByLinkInput!) { resetPassword(input: $input) }`;
const NEW_PASSWORD = 'a brand new passphrase for haven';

let identity: IdentityHarness;
let centre: { id: string };
let partnerA: { id: string };
let partnerB: { id: string };

const unique = () => Math.random().toString(36).slice(2, 10);
const newAddress = () => `invited-${unique()}@example.test`;

async function signedIn(organisationId: string, role: Role) {
  const user = await createUser(identity.db, { memberships: [{ organisationId, role }] });
  return { ...(await identity.signIn(user)), id: user.id, email: user.email };
}

/** The mails waiting for an address, and the link token each carries (the last segment of its portal link). */
async function outboxFor(address: string, kind: 'invite' | 'reset') {
  const mails = await identity.admin.mailOutbox.findMany({ where: { recipient: address }, orderBy: { createdAt: 'asc' } });
  return mails.map((mail) => ({ ...mail, token: new RegExp(`/${kind}/([A-Za-z0-9_-]{43})`).exec(mail.body)?.[1] }));
}

beforeAll(async () => {
  identity = await startIdentity();
  centre = await createOrganisation(identity.db, { kind: 'COORDINATING' });
  partnerA = await createOrganisation(identity.db);
  partnerB = await createOrganisation(identity.db);
});
afterAll(() => identity?.close());

describe('inviting a person', () => {
  it('creates the account and mails a link with which the person chooses a password, once', async () => {
    const admin = await signedIn(partnerA.id, 'PARTNER_ADMIN');
    const email = newAddress();
    const invited = await identity.graphql(INVITE, { input: { email, displayName: 'New Colleague', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] } }, admin.identityToken);
    expect(invited.body.errors).toBeUndefined();
    expect(invited.body.data.inviteUser).toMatchObject({ email, active: true });

    const [mail] = await outboxFor(email, 'invite');
    expect(mail?.token).toBeDefined();
    expect(mail!.body).toContain(`http://localhost:3000/invite/${mail!.token}`);
    // The mail names neither the person nor the organisation; the link's secret is not stored.
    expect(mail!.body).not.toContain('New Colleague');
    const stored = await identity.admin.accountToken.findUnique({ where: { tokenHash: hashAccountToken(mail!.token!) } });
    expect(stored).toMatchObject({ purpose: 'INVITATION', userId: invited.body.data.inviteUser.id, usedAt: null });
    expect(JSON.stringify(stored)).not.toContain(mail!.token);

    // Nobody can sign in before the person chose a password.
    expect(errorCodes(await identity.login(email, NEW_PASSWORD))).toEqual(['INVALID_CREDENTIALS']);
    const accepted = await identity.graphql(ACCEPT, { input: { token: mail!.token, password: NEW_PASSWORD } });
    expect(accepted.body).toEqual({ data: { acceptInvitation: true } });
    expect((await identity.login(email, NEW_PASSWORD)).body.data.login.sessionToken).toMatch(/^hvs_/);

    const again = await identity.graphql(ACCEPT, { input: { token: mail!.token, password: 'yet another passphrase here' } });
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await identity.login(email, 'yet another passphrase here'))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('refuses an expired invitation, a reset link used as an invitation, and a weak password (leaving the link usable)', async () => {
    const admin = await signedIn(partnerA.id, 'PARTNER_ADMIN');
    const email = newAddress();
    await identity.graphql(INVITE, { input: { email, displayName: 'Someone', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] } }, admin.identityToken);
    const [mail] = await outboxFor(email, 'invite');
    const token = mail!.token!;

    const weak = await identity.graphql(ACCEPT, { input: { token, password: 'short' } });
    expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
    expect(weak.body.errors?.[0]?.extensions?.field).toBe('password');
    expect(errorCodes(await identity.graphql(RESET, { input: { token, password: NEW_PASSWORD } }))).toEqual(['NOT_FOUND']);

    const row = await identity.admin.accountToken.findUniqueOrThrow({ where: { tokenHash: hashAccountToken(token) } });
    expect(row.usedAt).toBeNull();
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(ACCOUNT_TOKEN_TTL_MS.INVITATION);
    await identity.admin.accountToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(errorCodes(await identity.graphql(ACCEPT, { input: { token, password: NEW_PASSWORD } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await identity.graphql(ACCEPT, { input: { token: 'not-a-token', password: NEW_PASSWORD } }))).toEqual(['NOT_FOUND']);
  });

  it('lets a partner admin invite into their own organisation only, with partner roles, like createUser', async () => {
    const admin = await signedIn(partnerA.id, 'PARTNER_ADMIN');
    const input = (organisationId: string, roles: Role[]) => ({ input: { email: newAddress(), displayName: 'X', organisationId, roles } });
    expect(errorCodes(await identity.graphql(INVITE, input(partnerB.id, ['PARTNER_STAFF']), admin.identityToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await identity.graphql(INVITE, input(partnerA.id, ['NETWORK_ADMIN']), admin.identityToken))).toEqual(['BAD_USER_INPUT']);
    const staff = await signedIn(partnerA.id, 'PARTNER_STAFF');
    expect(errorCodes(await identity.graphql(INVITE, input(partnerA.id, ['PARTNER_STAFF']), staff.identityToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await identity.graphql(INVITE, input(partnerA.id, ['PARTNER_STAFF'])))).toEqual(['UNAUTHENTICATED']);
    const existing = await createUser(identity.db);
    const taken = await identity.graphql(INVITE, { input: { email: existing.email, displayName: 'X', organisationId: partnerA.id, roles: ['PARTNER_STAFF'] } }, admin.identityToken);
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    expect(await outboxFor(existing.email, 'invite')).toEqual([]);
  });

  it('lets a network admin invite into any organisation, and records the invitation and its acceptance in the audit trail', async () => {
    const admin = await signedIn(centre.id, 'NETWORK_ADMIN');
    const email = newAddress();
    const invited = await identity.graphql(INVITE, { input: { email, displayName: 'Coordinator', organisationId: centre.id, roles: ['COORDINATOR'] } }, admin.identityToken);
    expect(invited.body.errors).toBeUndefined();
    const userId = invited.body.data.inviteUser.id as string;
    const [mail] = await outboxFor(email, 'invite');
    await identity.graphql(ACCEPT, { input: { token: mail!.token, password: NEW_PASSWORD } });
    const events = await identity.admin.$queryRaw<{ action: string; actorUserId: string | null }[]>`
      SELECT "action", "actorUserId" FROM "audit"."AuditEvent" WHERE "subjectId" = ${userId} ORDER BY "seq"`;
    expect(events).toEqual([
      { action: 'user.invite', actorUserId: admin.id },
      { action: 'user.invitation-accept', actorUserId: userId },
    ]);
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const user = await createUser(identity.db);
    const unknown = newAddress();
    const known = await identity.graphql(REQUEST_RESET, { input: { email: `  ${user.email.toUpperCase()} ` } });
    const nobody = await identity.graphql(REQUEST_RESET, { input: { email: unknown } });
    expect(known.body).toEqual({ data: { requestPasswordReset: true } });
    expect(nobody.body).toEqual(known.body);
    expect(await outboxFor(unknown, 'reset')).toEqual([]);
    const [mail] = await outboxFor(user.email, 'reset');
    expect(mail?.token).toBeDefined();
  });

  it('sets a new password once, ends every session, spends the other links, and is gone after an hour', async () => {
    const user = await createUser(identity.db);
    const session = await identity.signIn(user);
    await identity.graphql(REQUEST_RESET, { input: { email: user.email } });
    await identity.graphql(REQUEST_RESET, { input: { email: user.email } });
    const [first, second] = await outboxFor(user.email, 'reset');
    const row = await identity.admin.accountToken.findUniqueOrThrow({ where: { tokenHash: hashAccountToken(second!.token!) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(ACCOUNT_TOKEN_TTL_MS.PASSWORD_RESET);

    expect((await identity.graphql(RESET, { input: { token: first!.token, password: NEW_PASSWORD } })).body).toEqual({ data: { resetPassword: true } });
    expect(await identity.resolveSession(session.sessionToken)).toBeNull();
    expect(errorCodes(await identity.login(user.email, user.password))).toEqual(['INVALID_CREDENTIALS']);
    expect((await identity.login(user.email, NEW_PASSWORD)).body.data.login.sessionToken).toMatch(/^hvs_/);
    // The same link again, and the older mail's link: both spent.
    expect(errorCodes(await identity.graphql(RESET, { input: { token: first!.token, password: 'another new passphrase!!' } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await identity.graphql(RESET, { input: { token: second!.token, password: 'another new passphrase!!' } }))).toEqual(['NOT_FOUND']);
    const events = await identity.admin.$queryRaw<{ action: string }[]>`
      SELECT "action" FROM "audit"."AuditEvent" WHERE "subjectId" = ${user.id} AND "action" LIKE 'user.password-reset%' ORDER BY "seq"`;
    expect(events.map((e) => e.action)).toEqual(['user.password-reset-request', 'user.password-reset-request', 'user.password-reset']);
  });

  it('refuses an expired link, two parallel uses of one link get one success, and a deactivated account gets no mail', async () => {
    const user = await createUser(identity.db);
    await identity.graphql(REQUEST_RESET, { input: { email: user.email } });
    await identity.graphql(REQUEST_RESET, { input: { email: user.email } });
    const [expiring, racing] = await outboxFor(user.email, 'reset');
    await identity.admin.accountToken.update({ where: { tokenHash: hashAccountToken(expiring!.token!) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(errorCodes(await identity.graphql(RESET, { input: { token: expiring!.token, password: NEW_PASSWORD } }))).toEqual(['NOT_FOUND']);

    const results = await Promise.all(
      ['first racing passphrase!!', 'second racing passphrase!!'].map((password) => identity.graphql(RESET, { input: { token: racing!.token, password } })),
    );
    expect(results.map((r) => (r.body.errors ? errorCodes(r)[0] : 'ok')).sort()).toEqual(['NOT_FOUND', 'ok']);

    const gone = await createUser(identity.db, { active: false });
    await identity.graphql(REQUEST_RESET, { input: { email: gone.email } });
    expect(await outboxFor(gone.email, 'reset')).toEqual([]);
  });

  it(`mails at most ${MAX_OPEN_RESET_LINKS} open links per account`, async () => {
    const user = await createUser(identity.db);
    for (let i = 0; i < MAX_OPEN_RESET_LINKS + 2; i += 1) {
      expect((await identity.graphql(REQUEST_RESET, { input: { email: user.email } })).body).toEqual({ data: { requestPasswordReset: true } });
    }
    expect(await outboxFor(user.email, 'reset')).toHaveLength(MAX_OPEN_RESET_LINKS);
  });
});

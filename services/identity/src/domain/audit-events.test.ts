import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@haven/kit/src/audit/verify';
import { withClient } from '@haven/kit/src/db/with-client';
import { AppError } from '@haven/kit/src/errors';
import { createIsolatedDatabase, type IsolatedDatabase } from '@haven/kit/src/testing/db';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { DEFAULT_SESSION_SETTINGS } from '../config';
import { createIdentityDb, type IdentityDb } from '../db';
import { createOrganisation, createUser } from '../testing/fixtures';
import { changePassword } from './change-password';
import { createApiToken } from './create-api-token';
import { endSession } from './end-session';
import { login, isSecondFactorOwed, type LoginResult } from './login';
import { LOCK_AFTER_FAILURES } from './login-throttle';
import { revokeApiToken } from './revoke-api-token';
import { selectOrganisation } from './select-organisation';

// Identity's security events in the audit trail: written with the change, never with an address, password or
// secret; refused changes write nothing. A database of its own, so the chain and the counts are these tests' alone.

jest.setTimeout(60_000);

let isolated: IsolatedDatabase;
let db: IdentityDb;
let admin: IdentityDb;

beforeAll(async () => {
  isolated = await createIsolatedDatabase(['identity']);
  db = createIdentityDb(isolated.appUrl('identity'), 4);
  admin = createIdentityDb(isolated.adminUrl, 2);
});
afterAll(async () => {
  await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
  await isolated?.drop();
});

/** The stored events of one request id; `text` is the whole row as JSON, to look for what must not be there. */
async function eventsOf(requestId: string) {
  const { rows } = await withClient(isolated.adminUrl, (client) =>
    client.query(
      `SELECT "action", "part", "actorKind", "actorUserId", "actorOrganisationId", "actorRole", "subjectId", "caseId", "categories",
              row_to_json(e)::text AS text
         FROM "audit"."AuditEvent" e WHERE "requestId" = $1 ORDER BY "seq"`,
      [requestId],
    ),
  );
  return rows.map(({ text, ...event }) => ({ event, text: text as string }));
}
const actions = async (requestId: string) => (await eventsOf(requestId)).map((e) => e.event.action);

async function failsWith(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => 'no error',
    (error) => (error instanceof AppError ? error.extensions.code : error),
  );
}

const sessionOf = (result: LoginResult) => {
  if (isSecondFactorOwed(result)) throw new Error('these users have no second factor');
  return result.sessionId;
};

/** Signs a user in (audited under its own request id) and returns the caller identity of that session. */
async function signedIn(user: { id: string; email: string; password: string }, organisationId: string, roles: Identity['roles']): Promise<Identity> {
  const result = await login(db, DEFAULT_SESSION_SETTINGS, { email: user.email, password: user.password }, new Date(), randomUUID());
  return { subject: user.id, kind: 'user', sessionId: sessionOf(result), organisationId, roles, scopes: [] };
}

describe('sign-in events', () => {
  test('a successful login records session.login: the user, the organisation chosen and the role in it', async () => {
    const centre = await createOrganisation(admin, { kind: 'COORDINATING' });
    const user = await createUser(admin, { memberships: [{ organisationId: centre.id, role: 'COORDINATOR' }] });
    const requestId = randomUUID();
    await login(db, DEFAULT_SESSION_SETTINGS, { email: user.email, password: user.password }, new Date(), requestId);
    const [stored, ...more] = await eventsOf(requestId);
    expect(more).toEqual([]);
    expect(stored!.event).toEqual({
      action: 'session.login',
      part: 'identity',
      actorKind: 'user',
      actorUserId: user.id,
      actorOrganisationId: centre.id,
      actorRole: 'COORDINATOR',
      subjectId: user.id,
      caseId: null,
      categories: [],
    });
    expect(stored!.text).not.toContain(user.email);
  });

  test('a wrong password records session.login-failed for the account, an unknown address for nobody; neither keeps the address', async () => {
    const user = await createUser(admin);
    const wrong = randomUUID();
    expect(await failsWith(login(db, DEFAULT_SESSION_SETTINGS, { email: user.email, password: 'not the password' }, new Date(), wrong))).toBe(
      'INVALID_CREDENTIALS',
    );
    const unknownEmail = `nobody-${randomUUID()}@example.test`;
    const unknown = randomUUID();
    expect(await failsWith(login(db, DEFAULT_SESSION_SETTINGS, { email: unknownEmail, password: 'whatever it is' }, new Date(), unknown))).toBe(
      'INVALID_CREDENTIALS',
    );
    const [failed] = await eventsOf(wrong);
    const [stranger] = await eventsOf(unknown);
    const noActor = { part: 'identity', actorKind: 'user', actorUserId: null, actorOrganisationId: null, actorRole: null, caseId: null, categories: [] };
    expect(failed!.event).toEqual({ action: 'session.login-failed', ...noActor, subjectId: user.id });
    expect(stranger!.event).toEqual({ action: 'session.login-failed', ...noActor, subjectId: null });
    expect(failed!.text).not.toContain(user.email);
    expect(stranger!.text).not.toContain(unknownEmail);
    expect(failed!.text).not.toContain('not the password');
  });

  test('a deactivated account failing to sign in is recorded like a wrong password', async () => {
    const user = await createUser(admin, { active: false });
    const requestId = randomUUID();
    expect(await failsWith(login(db, DEFAULT_SESSION_SETTINGS, { email: user.email, password: user.password }, new Date(), requestId))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await eventsOf(requestId)).map((e) => [e.event.action, e.event.subjectId])).toEqual([['session.login-failed', user.id]]);
  });

  test('attempts refused by the lock are not audited one by one: the log grows no faster than the throttle admits', async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    const requestId = randomUUID();
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < LOCK_AFTER_FAILURES + 5; attempt++) {
      codes.push(await failsWith(login(db, DEFAULT_SESSION_SETTINGS, { email, password: 'a guess' }, new Date(), requestId)));
    }
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(5);
    expect(await actions(requestId)).toEqual(Array(LOCK_AFTER_FAILURES).fill('session.login-failed'));
  });
});

describe('session events', () => {
  test('logout records session.logout for the session once; logging out again records nothing', async () => {
    const partner = await createOrganisation(admin);
    const user = await createUser(admin, { memberships: [{ organisationId: partner.id, role: 'PARTNER_STAFF' }] });
    const me = await signedIn(user, partner.id, ['PARTNER_STAFF']);
    const requestId = randomUUID();
    await endSession(db, me, new Date(), requestId);
    await endSession(db, me, new Date(), requestId);
    expect((await eventsOf(requestId)).map((e) => e.event)).toEqual([
      expect.objectContaining({
        action: 'session.logout',
        actorKind: 'user',
        actorUserId: user.id,
        actorOrganisationId: partner.id,
        actorRole: 'PARTNER_STAFF',
        subjectId: me.sessionId,
      }),
    ]);
  });

  test('selectOrganisation records session.select-organisation with the chosen organisation; a foreign one records nothing', async () => {
    const first = await createOrganisation(admin);
    const second = await createOrganisation(admin, { kind: 'COORDINATING' });
    const foreign = await createOrganisation(admin);
    const user = await createUser(admin, {
      memberships: [
        { organisationId: first.id, role: 'PARTNER_STAFF' },
        { organisationId: second.id, role: 'COORDINATOR' },
      ],
    });
    const result = await login(db, DEFAULT_SESSION_SETTINGS, { email: user.email, password: user.password }, new Date(), randomUUID());
    const me: Identity = { subject: user.id, kind: 'user', sessionId: sessionOf(result), organisationId: null, roles: [], scopes: [] };
    const requestId = randomUUID();
    await selectOrganisation(db, DEFAULT_SESSION_SETTINGS, me, second.id, new Date(), requestId);
    expect((await eventsOf(requestId)).map((e) => e.event)).toEqual([
      expect.objectContaining({ action: 'session.select-organisation', actorUserId: user.id, actorOrganisationId: null, subjectId: second.id }),
    ]);
    const refused = randomUUID();
    expect(await failsWith(selectOrganisation(db, DEFAULT_SESSION_SETTINGS, me, foreign.id, new Date(), refused))).toBe('FORBIDDEN');
    expect(await actions(refused)).toEqual([]);
  });

  test('changePassword records user.password-change; a wrong current password records nothing', async () => {
    const partner = await createOrganisation(admin);
    const user = await createUser(admin, { memberships: [{ organisationId: partner.id, role: 'PARTNER_ADMIN' }] });
    const me = await signedIn(user, partner.id, ['PARTNER_ADMIN']);
    const refused = randomUUID();
    expect(
      await failsWith(changePassword(db, DEFAULT_SESSION_SETTINGS, me, { currentPassword: 'not it at all', newPassword: 'a brand new passphrase' }, new Date(), refused)),
    ).toBe('INVALID_CREDENTIALS');
    expect(await actions(refused)).toEqual([]);

    const requestId = randomUUID();
    await changePassword(db, DEFAULT_SESSION_SETTINGS, me, { currentPassword: user.password, newPassword: 'a brand new passphrase' }, new Date(), requestId);
    const [changed, ...more] = await eventsOf(requestId);
    expect(more).toEqual([]);
    expect(changed!.event).toEqual(
      expect.objectContaining({ action: 'user.password-change', actorUserId: user.id, actorRole: 'PARTNER_ADMIN', subjectId: user.id }),
    );
    expect(changed!.text).not.toContain('a brand new passphrase');
  });
});

describe('API token events', () => {
  test('create and revoke record the token id, never the secret; revoking again or a refused create record nothing', async () => {
    const partner = await createOrganisation(admin);
    const user = await createUser(admin, { memberships: [{ organisationId: partner.id, role: 'PARTNER_ADMIN' }] });
    const me = await signedIn(user, partner.id, ['PARTNER_ADMIN']);

    const creating = randomUUID();
    const { token, apiToken } = await createApiToken(db, me, { name: 'Client system', scopes: ['directory:read'], expiresAt: null }, new Date(), creating);
    const [created] = await eventsOf(creating);
    expect(created!.event).toEqual({
      action: 'api-token.create',
      part: 'identity',
      actorKind: 'user',
      actorUserId: user.id,
      actorOrganisationId: partner.id,
      actorRole: 'PARTNER_ADMIN',
      subjectId: apiToken.id,
      caseId: null,
      categories: [],
    });
    const secret = token.slice(token.lastIndexOf('_') + 1);
    expect(created!.text).not.toContain(secret);

    const revoking = randomUUID();
    await revokeApiToken(db, me, apiToken.id, new Date(), revoking);
    await revokeApiToken(db, me, apiToken.id, new Date(), revoking);
    expect((await eventsOf(revoking)).map((e) => [e.event.action, e.event.subjectId])).toEqual([['api-token.revoke', apiToken.id]]);

    const refused = randomUUID();
    expect(await failsWith(createApiToken(db, me, { name: 'Bad', scopes: ['no:such-scope'], expiresAt: null }, new Date(), refused))).toBe('BAD_USER_INPUT');
    expect(await actions(refused)).toEqual([]);
  });
});

describe('the chain', () => {
  test('is whole after all of the above, with exactly the events they wrote', async () => {
    // 5 sign-ins, 8 failed ones (wrong password, unknown address, deactivated, 5 before the lock), logout,
    // select, password change, token create and revoke.
    expect(await verifyAuditChain(isolated.adminUrl)).toEqual({ ok: true, events: 18 });
  });
});

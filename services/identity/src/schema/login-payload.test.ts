import { createHash } from 'node:crypto';
import { createOrganisation, createUser } from '../testing/fixtures';
import { errorCodes, startIdentity, type IdentityHarness } from '../testing/harness';

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity?.close());

describe('login', () => {
  it('opens a session for the right password and auto-selects the only organisation', async () => {
    const org = await createOrganisation(identity.db);
    const user = await createUser(identity.db, { memberships: [{ organisationId: org.id, role: 'PARTNER_STAFF' }] });

    const response = await identity.login(user.email.toUpperCase(), user.password);

    expect(response.body.errors).toBeUndefined();
    const payload = response.body.data.login;
    expect(payload.sessionToken).toMatch(/^hvs_[A-Za-z0-9_-]{43}$/);
    expect(payload.user).toEqual({ id: user.id, email: user.email, displayName: user.displayName });
    expect(payload.activeOrganisation).toEqual({ id: org.id, name: org.name });
    expect(payload.memberships).toEqual([{ role: 'PARTNER_STAFF', organisation: { id: org.id } }]);
    const sessions = await identity.db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.activeOrganisationId).toBe(org.id);
    // Only the SHA-256 of the token is stored.
    expect(sessions[0]!.tokenHash).toBe(createHash('sha256').update(payload.sessionToken).digest('hex'));
  });

  it('starts without an organisation when the user belongs to several', async () => {
    const [a, b] = await Promise.all([createOrganisation(identity.db), createOrganisation(identity.db)]);
    const user = await createUser(identity.db, {
      memberships: [
        { organisationId: a.id, role: 'PARTNER_STAFF' },
        { organisationId: b.id, role: 'PARTNER_ADMIN' },
      ],
    });

    const response = await identity.login(user.email, user.password);

    expect(response.body.data.login.activeOrganisation).toBeNull();
    expect(response.body.data.login.memberships).toHaveLength(2);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and opens no session', async () => {
    const user = await createUser(identity.db);

    const response = await identity.login(user.email, 'not the password at all');

    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    expect(response.body.data).toBeNull();
    expect(await identity.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const user = await createUser(identity.db);

    const wrong = await identity.login(user.email, 'not the password at all');
    const unknown = await identity.login('nobody-here@example.test', 'not the password at all');

    expect(unknown.body.errors).toEqual(wrong.body.errors);
    expect(errorCodes(unknown)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('refuses a deactivated user, even with the right password, with the same generic error', async () => {
    const user = await createUser(identity.db, { active: false });

    const response = await identity.login(user.email, user.password);

    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    expect(await identity.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('counts every one of several concurrent wrong passwords and then locks the account', async () => {
    const user = await createUser(identity.db);

    const responses = await Promise.all(Array.from({ length: 5 }, () => identity.login(user.email, 'wrong password guess')));

    expect(responses.flatMap(errorCodes)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(5);
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(stored.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
  });

  it('checks at most the attempts left before the lock when many wrong passwords arrive at once', async () => {
    const user = await createUser(identity.db);

    const responses = await Promise.all(Array.from({ length: 8 }, () => identity.login(user.email, 'wrong password guess')));

    const codes = responses.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(5);
  });

  it('refuses a locked account with TOO_MANY_ATTEMPTS, even with the right password', async () => {
    const user = await createUser(identity.db);
    await identity.db.user.update({ where: { id: user.id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 30_000) } });

    const response = await identity.login(user.email, user.password);

    expect(errorCodes(response)).toEqual(['TOO_MANY_ATTEMPTS']);
    expect(await identity.db.session.count({ where: { userId: user.id } })).toBe(0);
    // A refused attempt while locked does not check (or count) the password.
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(5);
  });

  it('doubles the lock when the first failure after a lock expires fails too', async () => {
    const user = await createUser(identity.db);
    await identity.db.user.update({ where: { id: user.id }, data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() - 1000) } });

    await identity.login(user.email, 'wrong password guess');

    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(6);
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('never locks for longer than 15 minutes', async () => {
    const user = await createUser(identity.db);
    await identity.db.user.update({ where: { id: user.id }, data: { failedLoginCount: 40, lockedUntil: new Date(Date.now() - 1000) } });

    await identity.login(user.email, 'wrong password guess');

    const lockedUntil = (await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil!.getTime();
    expect(lockedUntil).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(lockedUntil).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it('resets the failure count on a successful login', async () => {
    const user = await createUser(identity.db);
    await identity.login(user.email, 'wrong password guess');
    await identity.login(user.email, 'wrong password guess');

    const response = await identity.login(user.email, user.password);

    expect(response.body.errors).toBeUndefined();
    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(0);
    expect(stored.lockedUntil).toBeNull();
  });

  it('keeps passwords and session tokens out of the logs', async () => {
    const user = await createUser(identity.db);
    const response = await identity.login(user.email, user.password);
    await identity.login(user.email, 'wrong password guess');

    const logs = identity.logs.join('\n');
    expect(logs).not.toContain(user.password);
    expect(logs).not.toContain(response.body.data.login.sessionToken);
    expect(logs).not.toContain(user.email);
  });
});

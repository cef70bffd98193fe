import nodeCrypto, { createHash, randomBytes, type ScryptOptions } from 'node:crypto';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { throttleKey } from '../domain/login-throttle';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity?.close());

/** An address no account has, different in every test: the throttle counts per address for the whole run. */
const unknownEmail = () => `nobody-${randomBytes(5).toString('hex')}@example.test`;

const throttleOf = (email: string) => identity.db.loginThrottle.findUnique({ where: { emailHash: throttleKey(email) } });

const pick = (options: ScryptOptions) => ({ N: options.N, r: options.r, p: options.p });

async function setThrottle(email: string, failedCount: number, lockedUntil: Date) {
  const emailHash = throttleKey(email);
  await identity.db.loginThrottle.upsert({
    where: { emailHash },
    create: { emailHash, failedCount, lockedUntil },
    update: { failedCount, lockedUntil },
  });
}

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
    const unknown = await identity.login(unknownEmail(), 'not the password at all');

    expect(unknown.body.errors).toEqual(wrong.body.errors);
    expect(errorCodes(unknown)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('refuses a deactivated user, even with the right password, with the same generic error', async () => {
    const user = await createUser(identity.db, { active: false });

    const response = await identity.login(user.email, user.password);

    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
    expect(await identity.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('counts every one of several concurrent wrong passwords and then locks the address', async () => {
    const user = await createUser(identity.db);

    const responses = await Promise.all(Array.from({ length: 5 }, () => identity.login(user.email, 'wrong password guess')));

    expect(responses.flatMap(errorCodes)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    const stored = await throttleOf(user.email);
    expect(stored!.failedCount).toBe(5);
    expect(stored!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(stored!.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 30_000);
  });

  it('checks at most the attempts left before the lock when many wrong passwords arrive at once', async () => {
    const user = await createUser(identity.db);

    const responses = await Promise.all(Array.from({ length: 8 }, () => identity.login(user.email, 'wrong password guess')));

    const codes = responses.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect((await throttleOf(user.email))!.failedCount).toBe(5);
  });

  it('counts concurrent attempts on an unknown address too, the first of them racing to create its row', async () => {
    const email = unknownEmail();

    const responses = await Promise.all(Array.from({ length: 8 }, () => identity.login(email, 'wrong password guess')));

    const codes = responses.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(3);
    expect((await throttleOf(email))!.failedCount).toBe(5);
  });

  it('answers a known and an unknown address with the same sequence over seven wrong attempts', async () => {
    const user = await createUser(identity.db);
    const unknown = unknownEmail();

    const known: unknown[][] = [];
    const stranger: unknown[][] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      known.push(errorCodes(await identity.login(user.email, 'wrong password guess')));
      stranger.push(errorCodes(await identity.login(unknown, 'wrong password guess')));
    }

    const expected = [...Array(5).fill(['INVALID_CREDENTIALS']), ['TOO_MANY_ATTEMPTS'], ['TOO_MANY_ATTEMPTS']];
    expect(known).toEqual(expected);
    expect(stranger).toEqual(expected);
  });

  it('keys the lock by the normalised address, however it is typed', async () => {
    const user = await createUser(identity.db);

    for (let attempt = 0; attempt < 5; attempt++) {
      await identity.login(attempt % 2 ? user.email.toUpperCase() : `  ${user.email} `, 'wrong password guess');
    }

    expect((await throttleOf(user.email))!.failedCount).toBe(5);
    expect(errorCodes(await identity.login(user.email, user.password))).toEqual(['TOO_MANY_ATTEMPTS']);
  });

  it('refuses a locked account with TOO_MANY_ATTEMPTS, even with the right password', async () => {
    const user = await createUser(identity.db);
    await setThrottle(user.email, 5, new Date(Date.now() + 30_000));

    const response = await identity.login(user.email, user.password);

    expect(errorCodes(response)).toEqual(['TOO_MANY_ATTEMPTS']);
    // When the lock ends, in whole seconds: the gateway's Retry-After.
    const retryAfterSeconds = response.body.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(28);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await identity.db.session.count({ where: { userId: user.id } })).toBe(0);
    // A refused attempt while locked does not check (or count) the password.
    expect((await throttleOf(user.email))!.failedCount).toBe(5);
  });

  it('does the same hashing work to refuse a locked address, known or unknown, as to refuse a wrong password', async () => {
    const user = await createUser(identity.db);
    const lockedUser = await createUser(identity.db);
    const lockedStranger = unknownEmail();
    await setThrottle(lockedUser.email, 5, new Date(Date.now() + 60_000));
    await setThrottle(lockedStranger, 5, new Date(Date.now() + 60_000));
    // The first check of a process makes the dummy hash once: not part of any one answer's work.
    await identity.login(unknownEmail(), 'wrong password guess');

    // Counting the scrypt runs (and their cost parameters) instead of timing them: the same work, without a clock.
    const scrypt = jest.spyOn(nodeCrypto, 'scrypt');
    const answer = async (email: string) => {
      scrypt.mockClear();
      const response = await identity.login(email, 'wrong password guess');
      const work = scrypt.mock.calls.map(([password, , keyLength, options]) => ({ password, keyLength, ...pick(options) }));
      return { codes: errorCodes(response), work };
    };
    try {
      const wrong = await answer(user.email);
      expect(wrong.codes).toEqual(['INVALID_CREDENTIALS']);
      expect(wrong.work).toEqual([{ password: 'wrong password guess', keyLength: 32, N: 2 ** 15, r: 8, p: 1 }]);

      expect(await answer(lockedUser.email)).toEqual({ codes: ['TOO_MANY_ATTEMPTS'], work: wrong.work });
      expect(await answer(lockedStranger)).toEqual({ codes: ['TOO_MANY_ATTEMPTS'], work: wrong.work });
    } finally {
      scrypt.mockRestore();
    }
  });

  it('doubles the lock when the first failure after a lock expires fails too', async () => {
    const user = await createUser(identity.db);
    await setThrottle(user.email, 5, new Date(Date.now() - 1000));

    await identity.login(user.email, 'wrong password guess');

    const stored = await throttleOf(user.email);
    expect(stored!.failedCount).toBe(6);
    expect(stored!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('never locks for longer than 15 minutes', async () => {
    const email = unknownEmail();
    await setThrottle(email, 40, new Date(Date.now() - 1000));

    await identity.login(email, 'wrong password guess');

    const lockedUntil = (await throttleOf(email))!.lockedUntil!.getTime();
    expect(lockedUntil).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(lockedUntil).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it('forgets the failures on a successful login', async () => {
    const user = await createUser(identity.db);
    await identity.login(user.email, 'wrong password guess');
    await identity.login(user.email, 'wrong password guess');
    expect((await throttleOf(user.email))!.failedCount).toBe(2);

    const response = await identity.login(user.email, user.password);

    expect(response.body.errors).toBeUndefined();
    expect(await throttleOf(user.email)).toBeNull();
  });

  it('stores no address in the throttle, only its SHA-256', async () => {
    const user = await createUser(identity.db);
    await identity.login(user.email, 'wrong password guess');

    const hash = createHash('sha256').update(user.email).digest('hex');
    expect(await identity.db.loginThrottle.findUnique({ where: { emailHash: hash } })).not.toBeNull();
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

import { withClient } from '@haven/kit/src/db/with-client';
import { testDatabase } from '@haven/kit/src/testing/db';
import { errorCodes } from '@haven/kit/src/testing/test-subgraph';
import { base32Decode, hotp, timeStep, totpCode } from '../domain/totp';
import { createOrganisation, createUser } from '../testing/fixtures';
import { startIdentity, type IdentityHarness } from '../testing/harness';

// Two-factor sign-in through the identity subgraph: enrolment, the login's second step, recovery codes, turning it off.

const START = `mutation { startTotpEnrolment { otpauthUri secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTotpEnrolment(code: $code) { codes } }`;
const DISABLE = `mutation Disable($code: String!) { disableTotp(code: $code) }`;
const STATUS = `{ me { twoFactor { enabled recoveryCodesLeft } } }`;
const LOGIN_STEP = `mutation Login($input: LoginInput!) {
  login(input: $input) { sessionToken secondFactorChallenge user { id } activeOrganisation { id } memberships { role } }
}`;
const COMPLETE = `mutation Complete($input: CompleteLoginInput!) {
  completeLogin(input: $input) { sessionToken secondFactorChallenge user { id } memberships { role } }
}`;

let identity: IdentityHarness;
let organisationId: string;
beforeAll(async () => {
  identity = await startIdentity();
  organisationId = (await createOrganisation(identity.db)).id;
});
afterAll(() => identity?.close());

async function auditActions(subjectId: string): Promise<string[]> {
  const { rows } = await withClient(testDatabase().adminUrl, (client) =>
    client.query(`SELECT "action" FROM "audit"."AuditEvent" WHERE "subjectId" = $1 ORDER BY "seq"`, [subjectId]),
  );
  return rows.map((r: { action: string }) => r.action);
}

/** A user who has enrolled: their secret, recovery codes, and the step their confirmation code used. */
async function enrolledUser() {
  const user = await createUser(identity.db, { memberships: [{ organisationId, role: 'PARTNER_STAFF' }] });
  const { identityToken } = await identity.signIn(user);
  const started = await identity.graphql(START, {}, identityToken);
  const secret = base32Decode(started.body.data.startTotpEnrolment.secret);
  const confirmed = await identity.graphql(CONFIRM, { code: totpCode(secret, new Date()) }, identityToken);
  expect(confirmed.body.errors).toBeUndefined();
  return { user, secret, identityToken, recoveryCodes: confirmed.body.data.confirmTotpEnrolment.codes as string[] };
}

/** Forget the last accepted step, so a test can use the code of now again (codes are otherwise one per 30 s). */
const forgetLastStep = (userId: string) => identity.admin.user.update({ where: { id: userId }, data: { totpLastStep: null } });

async function challengeFor(user: { email: string; password: string }): Promise<string> {
  const response = await identity.graphql(LOGIN_STEP, { input: { email: user.email, password: user.password } });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.login.secondFactorChallenge;
}

describe('enrolling in two-factor sign-in', () => {
  it('shows the secret once as an otpauth URI, stores it sealed, and needs a right first code', async () => {
    const user = await createUser(identity.db, { memberships: [{ organisationId, role: 'PARTNER_STAFF' }] });
    const { identityToken } = await identity.signIn(user);

    const started = await identity.graphql(START, {}, identityToken);
    const { otpauthUri, secret } = started.body.data.startTotpEnrolment;
    expect(otpauthUri).toContain(`secret=${secret}`);
    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpEnabledAt).toBeNull();

    const wrong = await identity.graphql(CONFIRM, { code: '000000' === totpCode(base32Decode(secret), new Date()) ? '111111' : '000000' }, identityToken);
    expect(wrong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', reason: 'WRONG_CODE' });
    expect((await identity.graphql(STATUS, {}, identityToken)).body.data.me.twoFactor).toEqual({ enabled: false, recoveryCodesLeft: 0 });

    const confirmed = await identity.graphql(CONFIRM, { code: totpCode(base32Decode(secret), new Date()) }, identityToken);
    const codes: string[] = confirmed.body.data.confirmTotpEnrolment.codes;
    expect(codes).toHaveLength(10);
    expect((await identity.graphql(STATUS, {}, identityToken)).body.data.me.twoFactor).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    const hashes = (await identity.db.recoveryCode.findMany({ where: { userId: user.id } })).map((r) => r.codeHash).join(' ');
    for (const code of codes) expect(hashes).not.toContain(code.replace(/-/g, ''));
    expect(await auditActions(user.id)).toContain('user.totp-enrol');
    expect(identity.logs.join('\n')).not.toContain(secret);
  });

  it('refuses to start again while two-factor sign-in is on (the secret is never shown twice)', async () => {
    const { identityToken } = await enrolledUser();
    expect((await identity.graphql(START, {}, identityToken)).body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOTP_ENABLED' });
  });

  it('is open to signed-in people only', async () => {
    expect(errorCodes(await identity.graphql(START, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('signing in with a second factor', () => {
  it('answers the password with a challenge and no account data, then opens the session for a right code', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);

    const first = await identity.graphql(LOGIN_STEP, { input: { email: user.email, password: user.password } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.login).toEqual({ sessionToken: null, secondFactorChallenge: expect.stringMatching(/^hvc_/), user: null, activeOrganisation: null, memberships: null });

    const second = await identity.graphql(COMPLETE, { input: { challenge: first.body.data.login.secondFactorChallenge, code: totpCode(secret, new Date()) } });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.completeLogin).toMatchObject({ sessionToken: expect.stringMatching(/^hvs_/), secondFactorChallenge: null, user: { id: user.id }, memberships: [{ role: 'PARTNER_STAFF' }] });
    await expect(identity.resolveSession(second.body.data.completeLogin.sessionToken)).resolves.not.toBeNull();
  });

  it('refuses a wrong code (audited as a failed sign-in) and lets the same challenge try again', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);
    const challenge = await challengeFor(user);
    const right = totpCode(secret, new Date());
    const wrong = right === '123456' ? '654321' : '123456';

    expect((await identity.graphql(COMPLETE, { input: { challenge, code: wrong } })).body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'code' });
    expect(await auditActions(user.id)).toContain('session.login-failed');
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge, code: right } }))).toEqual([]);
  });

  it('accepts a code only once: the same code again is a replay, even with a fresh challenge', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);
    const code = totpCode(secret, new Date());
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: await challengeFor(user), code } }))).toEqual([]);
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: await challengeFor(user), code } }))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('the code of the enrolment itself does not sign in (it was accepted once already)', async () => {
    const { user, secret } = await enrolledUser();
    const lastStep = (await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastStep!;
    expect(lastStep).toBeGreaterThanOrEqual(timeStep(new Date()) - 1);
    const response = await identity.graphql(COMPLETE, { input: { challenge: await challengeFor(user), code: hotp(secret, lastStep) } });
    expect(errorCodes(response)).toEqual(['INVALID_CREDENTIALS']);
  });

  it('spends a challenge once and refuses an expired one', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);
    const challenge = await challengeFor(user);
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge, code: totpCode(secret, new Date()) } }))).toEqual([]);
    await forgetLastStep(user.id);
    const again = await identity.graphql(COMPLETE, { input: { challenge, code: totpCode(secret, new Date()) } });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CHALLENGE_ENDED' });

    await forgetLastStep(user.id);
    const late = await challengeFor(user);
    await identity.admin.loginChallenge.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: late, code: totpCode(secret, new Date()) } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('takes each recovery code once, and audits its use', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const code = recoveryCodes[3]!.toUpperCase();
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: await challengeFor(user), code } }))).toEqual([]);
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: await challengeFor(user), code } }))).toEqual(['INVALID_CREDENTIALS']);
    expect(await auditActions(user.id)).toContain('user.recovery-code-use');
    expect(await identity.db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it('locks code guessing for the account after five wrong codes, even with a right code next', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);
    const challenge = await challengeFor(user);
    const right = totpCode(secret, new Date());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge, code: wrong } }))).toEqual(['INVALID_CREDENTIALS']);
    const locked = await identity.graphql(COMPLETE, { input: { challenge, code: right } });
    expect(errorCodes(locked)).toEqual(['TOO_MANY_ATTEMPTS']);
    // The e-mail address is not locked by code guesses: the password still gets its answer.
    expect(errorCodes(await identity.graphql(LOGIN_STEP, { input: { email: user.email, password: user.password } }))).toEqual([]);
  });

  it('opens nothing for a deactivated account, whatever the code', async () => {
    const { user, secret } = await enrolledUser();
    await forgetLastStep(user.id);
    const challenge = await challengeFor(user);
    await identity.admin.user.update({ where: { id: user.id }, data: { active: false } });
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge, code: totpCode(secret, new Date()) } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a malformed challenge without a database answer', async () => {
    expect(errorCodes(await identity.graphql(COMPLETE, { input: { challenge: 'hvs_not-a-challenge', code: '123456' } }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('turning two-factor sign-in off', () => {
  it('needs a current code or a recovery code; afterwards the password alone signs in', async () => {
    const { user, identityToken, recoveryCodes } = await enrolledUser();
    expect(errorCodes(await identity.graphql(DISABLE, { code: '' }, identityToken))).toEqual(['INVALID_CREDENTIALS']);
    expect((await identity.db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();

    expect(errorCodes(await identity.graphql(DISABLE, { code: recoveryCodes[0]! }, identityToken))).toEqual([]);
    const stored = await identity.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.totpSecret, stored.totpEnabledAt]).toEqual([null, null]);
    expect(await identity.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.totp-disable', 'user.recovery-code-use']));
    const login = await identity.graphql(LOGIN_STEP, { input: { email: user.email, password: user.password } });
    expect(login.body.data.login.sessionToken).toMatch(/^hvs_/);
  });

  it('with a current TOTP code works too', async () => {
    const { user, secret, identityToken } = await enrolledUser();
    await forgetLastStep(user.id);
    expect(errorCodes(await identity.graphql(DISABLE, { code: totpCode(secret, new Date()) }, identityToken))).toEqual([]);
  });
});

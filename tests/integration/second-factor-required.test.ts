import { randomUUID } from 'node:crypto';
import { hashPassword } from '@haven/identity/src/domain/password';
import { base32Decode, totpCode } from '@haven/identity/src/domain/totp';
import type { Role } from '@haven/kit/src/taxonomy';
import { TEST_ORGANISATIONS, TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// NETWORK_ADMIN and AUDITOR act only in a session opened with a second factor (identity's resolve-session): a
// password alone lets such a person enrol and nothing more, whatever the portal shows.

const AUDIT_EVENTS = `{ auditEvents(first: 1) { nodes { id } } }`;
const CHAIN_STATUS = `{ auditChainStatus { ok } }`;
const CREATE_ORGANISATION = `mutation Create($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const ME = `{ me { roles twoFactor { enabled required thisSession } } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { sessionToken secondFactorChallenge } }`;
const COMPLETE = `mutation Complete($input: CompleteLoginInput!) { completeLogin(input: $input) { sessionToken } }`;
const START = `mutation { startTotpEnrolment { secret } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTotpEnrolment(code: $code) { codes } }`;
const DISABLE = `mutation Disable($code: String!) { disableTotp(code: $code) }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack?.close());

const codeOf = (response: { body: { errors?: { extensions?: Record<string, any> }[] } }) => response.body.errors?.[0]?.extensions?.code;

/** A fresh account with one role in the coordination centre: enrolling it must not change the fixture accounts other files sign in. */
async function freshAccount(role: Role) {
  const email = `second-factor-${randomUUID().slice(0, 8)}@test.invalid`;
  const user = await stack.dbs.identity.user.create({
    data: { email, displayName: 'Second factor test', passwordHash: await hashPassword(TEST_PASSWORD) },
  });
  await stack.dbs.identity.membership.create({ data: { userId: user.id, organisationId: TEST_ORGANISATIONS.centre.id, role } });
  return { id: user.id, email };
}

async function passwordSession(email: string): Promise<string> {
  const response = await stack.graphql(LOGIN, { input: { email, password: TEST_PASSWORD } });
  const token = response.body.data?.login?.sessionToken;
  if (!token) throw new Error(`no password session: ${JSON.stringify(response.body)}`);
  return token;
}

describe('a password-only session of a network admin or auditor', () => {
  it.each([
    ['fixture network admin', TEST_USERS.networkAdmin.email],
    ['fixture auditor', TEST_USERS.auditor.email],
  ])('of the %s carries no role: the audit log and network administration answer FORBIDDEN', async (_who, email) => {
    const token = await stack.login(email, TEST_PASSWORD, { secondFactor: false });
    expect(codeOf(await stack.graphql(AUDIT_EVENTS, {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await stack.graphql(CHAIN_STATUS, {}, token))).toBe('FORBIDDEN');
    const created = await stack.graphql(CREATE_ORGANISATION, { input: { name: `Refused ${randomUUID().slice(0, 8)}`, kind: 'PARTNER' } }, token);
    expect(codeOf(created)).toBe('FORBIDDEN');
    const me = await stack.graphql(ME, {}, token);
    expect(me.body.data.me).toEqual({ roles: [], twoFactor: { enabled: false, required: true, thisSession: false } });
  });

  it('of the same people with a second factor acts in their roles (the control for the test above)', async () => {
    const auditor = await stack.login(TEST_USERS.auditor.email);
    expect((await stack.graphql(AUDIT_EVENTS, {}, auditor)).body.errors).toBeUndefined();
    expect((await stack.graphql(CHAIN_STATUS, {}, auditor)).body.data.auditChainStatus.ok).toBe(true);
    const admin = await stack.login(TEST_USERS.networkAdmin.email);
    const created = await stack.graphql(CREATE_ORGANISATION, { input: { name: `Allowed ${randomUUID().slice(0, 8)}`, kind: 'PARTNER' } }, admin);
    expect(created.body.errors).toBeUndefined();
  });

  it('does not withhold the roles that need no second factor', async () => {
    const token = await stack.login(TEST_USERS.coordinatorA.email, TEST_PASSWORD, { secondFactor: false });
    expect((await stack.graphql(ME, {}, token)).body.data.me).toMatchObject({ roles: ['COORDINATOR'], twoFactor: { required: false } });
  });
});

describe('the way in for a network admin or auditor without two-factor sign-in', () => {
  it('enrolling in the password session upgrades it; later sign-ins need the code; turning it off is refused', async () => {
    const admin = await freshAccount('NETWORK_ADMIN');
    const token = await passwordSession(admin.email);
    const refused = await stack.graphql(CREATE_ORGANISATION, { input: { name: `Refused ${randomUUID().slice(0, 8)}`, kind: 'PARTNER' } }, token);
    expect(codeOf(refused)).toBe('FORBIDDEN');

    const secret = base32Decode((await stack.graphql(START, {}, token)).body.data.startTotpEnrolment.secret);
    const confirmed = await stack.graphql(CONFIRM, { code: totpCode(secret, new Date()) }, token);
    const recoveryCodes: string[] = confirmed.body.data.confirmTotpEnrolment.codes;
    expect((await stack.graphql(ME, {}, token)).body.data.me).toEqual({
      roles: ['NETWORK_ADMIN'],
      twoFactor: { enabled: true, required: true, thisSession: true },
    });
    const created = await stack.graphql(CREATE_ORGANISATION, { input: { name: `Allowed ${randomUUID().slice(0, 8)}`, kind: 'PARTNER' } }, token);
    expect(created.body.errors).toBeUndefined();

    // A code of this step was spent by the confirmation; a recovery code proves the factor as well.
    const disabled = await stack.graphql(DISABLE, { code: recoveryCodes[0] }, token);
    expect(disabled.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOTP_REQUIRED' });
    expect((await stack.dbs.identity.user.findUniqueOrThrow({ where: { id: admin.id } })).totpEnabledAt).not.toBeNull();

    const step = await stack.graphql(LOGIN, { input: { email: admin.email, password: TEST_PASSWORD } });
    expect(step.body.data.login.sessionToken).toBeNull();
    const completed = await stack.graphql(COMPLETE, { input: { challenge: step.body.data.login.secondFactorChallenge, code: recoveryCodes[1] } });
    const second = completed.body.data.completeLogin.sessionToken as string;
    expect((await stack.graphql(ME, {}, second)).body.data.me).toMatchObject({ roles: ['NETWORK_ADMIN'], twoFactor: { thisSession: true } });
  });

  it('an auditor who enrols reads the audit chain in that session', async () => {
    const auditor = await freshAccount('AUDITOR');
    const token = await passwordSession(auditor.email);
    expect(codeOf(await stack.graphql(CHAIN_STATUS, {}, token))).toBe('FORBIDDEN');
    const secret = base32Decode((await stack.graphql(START, {}, token)).body.data.startTotpEnrolment.secret);
    await stack.graphql(CONFIRM, { code: totpCode(secret, new Date()) }, token);
    expect((await stack.graphql(CHAIN_STATUS, {}, token)).body.data.auditChainStatus.ok).toBe(true);
  });
});

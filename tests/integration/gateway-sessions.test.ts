import { TEST_ORGANISATIONS, TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { identityFor } from '../support/trust';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const DIRECTORY = '{ organisations { id name kind profile { city province } } }';

describe('sessions through the gateway', () => {
  it('a coordinator logs in and reads the organisation directory, joined across identity and partners', async () => {
    const token = await stack.login(TEST_USERS.coordinatorA.email);
    const { status, body } = await stack.graphql(DIRECTORY, undefined, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const byId = new Map(body.data.organisations.map((o: { id: string }) => [o.id, o]));
    expect(byId.get(TEST_ORGANISATIONS.partnerA.id)).toEqual({
      id: TEST_ORGANISATIONS.partnerA.id,
      name: TEST_ORGANISATIONS.partnerA.name,
      kind: 'PARTNER',
      profile: { city: 'Utrecht', province: 'UTRECHT' },
    });
    expect(byId.get(TEST_ORGANISATIONS.centre.id)).toMatchObject({ kind: 'COORDINATING', profile: null });
  });

  it('the session acts for the user and the organisation it logged in to', async () => {
    const token = await stack.login(TEST_USERS.staffA.email);
    const { body } = await stack.graphql('{ me { roles user { id } activeOrganisation { id } } }', undefined, token);
    expect(body.data.me).toEqual({
      roles: ['PARTNER_STAFF'],
      user: { id: TEST_USERS.staffA.id },
      activeOrganisation: { id: TEST_ORGANISATIONS.partnerA.id },
    });
  });

  it('after logout the same token is refused with 401 on the next request', async () => {
    const token = await stack.login(TEST_USERS.coordinatorB.email);
    expect((await stack.graphql('{ me { roles } }', undefined, token)).status).toBe(200);
    const logout = await stack.graphql('mutation { logout }', undefined, token);
    expect(logout.body).toEqual({ data: { logout: true } });

    const after = await stack.graphql(DIRECTORY, undefined, token);
    expect(after.status).toBe(401);
    expect(after.body.data).toBeUndefined();
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an unknown bearer token is refused with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await stack.graphql(DIRECTORY, undefined, 'not-a-session-token');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('an Authorization header that is not a bearer token is refused with 401', async () => {
    const { status } = await stack.graphql(DIRECTORY, undefined, null, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(status).toBe(401);
  });

  it('an anonymous caller cannot read the directory', async () => {
    const { body } = await stack.graphql(DIRECTORY);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an identity header sent by a client is ignored: only the gateway vouches for callers', async () => {
    const forged = await identityFor(stack.keys, {
      subject: TEST_USERS.coordinatorA.id,
      organisationId: TEST_ORGANISATIONS.centre.id,
      roles: ['COORDINATOR'],
    });
    const { body } = await stack.graphql(DIRECTORY, undefined, null, { 'x-haven-identity': forged });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong password is refused exactly like an unknown account', async () => {
    const attempt = (email: string) =>
      stack.graphql('mutation($i: LoginInput!) { login(input: $i) { sessionToken } }', {
        i: { email, password: 'wrong-password-123' },
      });
    const unknown = await attempt('nobody@test.invalid');
    const wrong = await attempt(TEST_USERS.auditor.email);
    expect(unknown.body.data ?? null).toBeNull();
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.body).toEqual(unknown.body);
  });

  it('every response carries a server-side request id', async () => {
    const { headers } = await stack.graphql('{ __typename }', undefined, null, { 'x-request-id': 'client-chosen' });
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('no log line of any part carries the password, the email or the session token', async () => {
    const token = await stack.login(TEST_USERS.adminA.email);
    await stack.graphql('{ me { roles } }', undefined, token);
    await stack.graphql('{ me { roles } }', undefined, `${token}x`);
    const logs = stack.logs.join('\n');
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain(TEST_USERS.adminA.email);
    expect(logs).not.toContain(token);
  });
});

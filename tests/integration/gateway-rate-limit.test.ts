import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { RATE_LIMITED_MESSAGE } from '@haven/gateway/src/rate-limit-refusal';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { startStack, type GraphqlResponse, type Stack } from '../support/stack';

// Issue 7: per-user, per-token and per-address rate limits at the gateway, and a stricter per-address
// bucket for sign-ins; a refusal is HTTP 429 with Retry-After and reaches no subgraph. Identity's lock on
// an email (TOO_MANY_ATTEMPTS) leaves the gateway as 429 with Retry-After too.
//
// The stack's limits are tiny so they bite within a test. Only 127.0.0.1 is a trusted proxy: requests
// from it name their client in X-Forwarded-For (each test its own documentation addresses, so buckets
// never mix between tests); requests from 127.0.0.2 are an untrusted peer whose header must not count.

const LIMITS = { userPerMinute: 3, tokenPerMinute: 3, addressPerMinute: 6, loginPerMinute: 3 };

const SERVICES = '{ services { id } }';
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { sessionToken } }';
const CREATE_TOKEN = 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }';

let stack: Stack;
const statements: Record<SubgraphName, number> = { identity: 0, partners: 0, cases: 0, consent: 0 };

beforeAll(async () => {
  stack = await startStack({ rateLimits: LIMITS, trustedProxies: ['127.0.0.1'], onQuery: (service) => void statements[service]++ });
});
afterAll(() => stack?.close());

let nextAddress = 1;
/** A client address no other request in this file has used (RFC 5737 documentation ranges). */
const freshAddress = () => `198.51.100.${nextAddress++}`;
const unknownEmail = () => `nobody-${randomBytes(5).toString('hex')}@test.invalid`;
const codes = (response: GraphqlResponse) => (response.body.errors ?? []).map((e) => e.extensions?.code);

/** Through the trusted proxy (127.0.0.1), on behalf of `client`. */
const asClient = (client: string, query: string, variables?: Record<string, unknown>, token?: string | null) =>
  stack.graphql(query, variables, token, { 'x-forwarded-for': client });

const loginAttempt = (client: string, email = unknownEmail(), password = 'wrong password guess') =>
  asClient(client, LOGIN, { input: { email, password } });

async function signIn(email: string): Promise<string> {
  const response = await loginAttempt(freshAddress(), email, TEST_PASSWORD);
  const token = response.body.data?.login?.sessionToken;
  if (!token) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
  return token;
}

/** A POST sent from another loopback address (a peer that is not a trusted proxy). */
function postFrom(localAddress: string, body: unknown, headers: Record<string, string>): Promise<GraphqlResponse> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      stack.gatewayUrl,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [key, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(key, value);
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(data), headers: responseHeaders });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** The refusal exactly as issue 7 asks: 429, Retry-After in whole seconds ≥ 1, one coded error, no data. */
function expectRateLimited(response: GraphqlResponse) {
  expect(response.status).toBe(429);
  const retryAfter = response.headers.get('retry-after');
  expect(retryAfter).toMatch(/^[1-9]\d*$/);
  expect(response.body).toEqual({
    errors: [
      {
        message: RATE_LIMITED_MESSAGE,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(retryAfter), requestId: response.headers.get('x-request-id') },
      },
    ],
  });
  // Fixed wording: no limit or count in it.
  expect(response.body.errors![0]!.message).not.toMatch(/\d/);
}

describe('gateway rate limits', () => {
  it('refuses a signed-in person over their limit with 429 and Retry-After, in all their sessions, reaching no subgraph', async () => {
    const token = await signIn(TEST_USERS.coordinatorA.email);
    for (let i = 0; i < LIMITS.userPerMinute; i++) expect((await asClient(freshAddress(), SERVICES, {}, token)).status).toBe(200);

    const before = { ...statements };
    const refused = await asClient(freshAddress(), SERVICES, {}, token);
    expectRateLimited(refused);
    // Resolving the session is identity's; nothing past it ran: no plan, no subgraph fetch.
    expect(statements.partners).toBe(before.partners);
    expect(statements.cases).toBe(before.cases);
    expect(statements.consent).toBe(before.consent);

    // Another session of the same person shares the bucket (signing in is anonymous, so it is not refused).
    const secondSession = await signIn(TEST_USERS.coordinatorA.email);
    expectRateLimited(await asClient(freshAddress(), SERVICES, {}, secondSession));
  });

  it('leaves another person unaffected', async () => {
    const token = await signIn(TEST_USERS.coordinatorB.email);
    const response = await asClient(freshAddress(), SERVICES, {}, token);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('counts an API token apart from the person who created it', async () => {
    const admin = await signIn(TEST_USERS.adminA.email);
    const created = await asClient(freshAddress(), CREATE_TOKEN, { input: { name: 'Rate limit test', scopes: ['DIRECTORY_READ'] } }, admin);
    const apiToken: string = created.body.data.createApiToken.token;

    for (let i = 0; i < LIMITS.tokenPerMinute; i++) expect((await asClient(freshAddress(), SERVICES, {}, apiToken)).status).toBe(200);
    expectRateLimited(await asClient(freshAddress(), SERVICES, {}, apiToken));

    // The creator has used one request of their own three.
    const own = await asClient(freshAddress(), SERVICES, {}, admin);
    expect(own.status).toBe(200);
    expect(own.body.errors).toBeUndefined();
  });

  it('limits anonymous requests per client address', async () => {
    const client = freshAddress();
    for (let i = 0; i < LIMITS.addressPerMinute; i++) expect((await asClient(client, '{ __typename }')).status).toBe(200);
    expectRateLimited(await asClient(client, '{ __typename }'));
    expect((await asClient(freshAddress(), '{ __typename }')).status).toBe(200);
  });

  it('slows a burst of sign-ins from one address, across many emails, before identity is asked', async () => {
    const client = freshAddress();
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect(codes(await loginAttempt(client))).toEqual(['INVALID_CREDENTIALS']);

    const before = statements.identity;
    expectRateLimited(await loginAttempt(client));
    expect(statements.identity).toBe(before);

    // Another address still signs in.
    expect(codes(await loginAttempt(freshAddress()))).toEqual(['INVALID_CREDENTIALS']);
  });

  it('counts every login in an operation, aliases included', async () => {
    const client = freshAddress();
    const logins = (n: number) =>
      `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: login(input: { email: "${unknownEmail()}", password: "guess" }) { sessionToken }`).join(' ')} }`;
    // (The first failure ends the serial mutation; both were counted, as the operation asked for both.)
    expect(codes(await asClient(client, logins(2)))).toEqual(['INVALID_CREDENTIALS']);
    // One attempt left, two asked for.
    expectRateLimited(await asClient(client, logins(2)));
    // The same through a fragment spread.
    const spread = `mutation { ...Two } fragment Two on Mutation { x: login(input: { email: "${unknownEmail()}", password: "g" }) { sessionToken } y: login(input: { email: "${unknownEmail()}", password: "g" }) { sessionToken } }`;
    expectRateLimited(await asClient(client, spread));
  });

  it('stops asking identity about bearer tokens once an address has sent too many it could not vouch for', async () => {
    const client = freshAddress();
    const guess = () => `hvs_${randomBytes(24).toString('hex')}`;
    for (let i = 0; i < LIMITS.addressPerMinute; i++) expect((await asClient(client, SERVICES, {}, guess())).status).toBe(401);

    const before = statements.identity;
    expectRateLimited(await asClient(client, SERVICES, {}, guess()));
    expect(statements.identity).toBe(before);

    // Another address's token is still checked, and a good token from it still works.
    expect((await asClient(freshAddress(), SERVICES, {}, guess())).status).toBe(401);
    const token = await signIn(TEST_USERS.staffB.email);
    expect((await asClient(freshAddress(), SERVICES, {}, token)).status).toBe(200);
  });

  it('believes X-Forwarded-For only from a trusted proxy, and only the entry that proxy added', async () => {
    // An untrusted peer naming a new client every time still has one bucket: its own address.
    const spoofed = () => ({ 'x-forwarded-for': freshAddress() });
    const attempt = { query: LOGIN, variables: { input: { email: unknownEmail(), password: 'guess' } } };
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect((await postFrom('127.0.0.2', attempt, spoofed())).status).toBe(200);
    expectRateLimited(await postFrom('127.0.0.2', attempt, spoofed()));

    // Through the trusted proxy, what the client wrote before the proxy's own entry does not count either.
    const client = freshAddress();
    for (let i = 0; i < LIMITS.loginPerMinute; i++) await loginAttempt(client);
    const forged = await stack.graphql(LOGIN, attempt.variables, null, { 'x-forwarded-for': `${freshAddress()}, ${client}` });
    expectRateLimited(forged);
  });

  it('answers a locked email with 429 and the Retry-After of its lock', async () => {
    const email = unknownEmail();
    // Each attempt from its own address: only the per-email lock is in play.
    for (let i = 0; i < 5; i++) expect(codes(await loginAttempt(freshAddress(), email))).toEqual(['INVALID_CREDENTIALS']);

    const locked = await loginAttempt(freshAddress(), email);
    expect(locked.status).toBe(429);
    expect(codes(locked)).toEqual(['TOO_MANY_ATTEMPTS']);
    const retryAfter = Number(locked.headers.get('retry-after'));
    // The first lock lasts 30 s.
    expect(retryAfter).toBeGreaterThan(20);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(locked.body.errors![0]!.extensions!.retryAfterSeconds).toBe(retryAfter);
  });

  it('keeps client addresses out of the logs', () => {
    expect(stack.logs.join('\n')).not.toContain('198.51.100.');
  });
});

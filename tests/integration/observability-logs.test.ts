import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Logs an operator can follow: every part writes one access line per request, all carrying the request id
// the gateway made, and none of them carries what the caller sent (query text, variables, credentials).

interface LogLine {
  level: string;
  msg: string;
  service: string;
  requestId?: string;
  [field: string]: unknown;
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const parsed = (): LogLine[] => stack.logs.map((line) => JSON.parse(line) as LogLine);
const accessLines = (requestId: string) => parsed().filter((line) => line.msg === 'request' && line.requestId === requestId);

/** Access lines are written when each part has finished its answer: wait until `parts` have all written one. */
async function waitForAccessLines(requestId: string, parts: string[]): Promise<LogLine[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = accessLines(requestId);
    const seen = new Set(lines.map((line) => line.service));
    if (parts.every((part) => seen.has(part)) || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('request logs', () => {
  it('one request id finds the gateway line and the line of every subgraph the request reached', async () => {
    const token = await stack.login(TEST_USERS.adminA.email);
    const { body, headers } = await stack.graphql('query MyOrganisation { me { activeOrganisation { id services { id } } } }', {}, token);
    expect(body.errors).toBeUndefined();
    const requestId = headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const lines = await waitForAccessLines(requestId, ['gateway', 'identity', 'partners']);
    const gateway = lines.filter((line) => line.service === 'gateway');
    expect(gateway).toEqual([
      expect.objectContaining({ level: 'info', route: '/graphql', operationName: 'MyOrganisation', status: 200, outcome: 'ok', ms: expect.any(Number) }),
    ]);
    for (const part of ['identity', 'partners']) {
      const fetches = lines.filter((line) => line.service === part && line.route === '/graphql');
      expect(fetches.length).toBeGreaterThanOrEqual(1);
      for (const line of fetches) {
        // Apollo Gateway names each subgraph fetch after the client's operation.
        expect(line).toEqual(expect.objectContaining({ status: 200, outcome: 'ok', operationName: expect.stringMatching(/^MyOrganisation__/) }));
      }
    }
    // The gateway's own call to identity (the session behind the bearer token) carries the same id.
    expect(lines).toContainEqual(expect.objectContaining({ service: 'identity', route: '/internal/resolve-session', status: 200 }));
    // Parts the request never reached wrote nothing under its id.
    expect(lines.filter((line) => line.service === 'cases' || line.service === 'consent')).toEqual([]);
  });

  it('a login leaves neither the email nor the password in any line, and no query text or variables', async () => {
    const email = TEST_USERS.staffA.email;
    const before = stack.logs.length;
    const failed = await stack.graphql(
      'mutation SignIn($input: LoginInput!) { login(input: $input) { sessionToken } }',
      { input: { email, password: 'not-the-password-at-all' } },
    );
    expect(failed.body.errors?.[0]?.extensions?.code).toBeDefined();
    const ok = await stack.graphql(
      'mutation SignIn($input: LoginInput!) { login(input: $input) { sessionToken } }',
      { input: { email, password: TEST_PASSWORD } },
    );
    const sessionToken = ok.body.data?.login?.sessionToken as string;
    expect(sessionToken).toBeTruthy();
    await waitForAccessLines(ok.headers.get('x-request-id')!, ['gateway', 'identity']);

    const written = stack.logs.slice(before);
    // Signed out, the caller's own operation name is not trusted into the log (graphql-observer.ts).
    const signIns = written.map((line) => JSON.parse(line) as LogLine).filter((line) => line.operationName === 'signed_out');
    expect(signIns.map((line) => line.service).sort()).toEqual(['gateway', 'gateway', 'identity', 'identity']);
    expect(signIns.find((line) => line.service === 'gateway' && line.outcome === 'error')).toBeDefined();
    for (const line of written) {
      expect(line).not.toContain(email);
      expect(line).not.toContain('staff-a');
      expect(line).not.toContain(TEST_PASSWORD);
      expect(line).not.toContain('not-the-password-at-all');
      expect(line).not.toContain(sessionToken);
      expect(line).not.toMatch(/sessionToken|LoginInput|"variables"|"query"/);
    }
  });
});

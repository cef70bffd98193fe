import { readFileSync } from 'node:fs';
import { createGatewayServer } from '@haven/gateway/src/server';
import type { RunningServer } from '@haven/kit/src/http/subgraph-server';
import { createMemoryLogger } from '@haven/kit/src/log';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { TEST_USERS } from '../support/fixtures';
import { startStack, SUPERGRAPH_PATH, type Stack } from '../support/stack';

// What a client learns when something goes wrong: a code it can act on and a request id, never our
// internals (subgraph names, addresses, stack traces).

let stack: Stack;
let extra: RunningServer[] = [];
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await Promise.all(extra.map((server) => server.close()));
  await stack?.close();
});

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/serviceName|stacktrace|exception|ECONNREFUSED|127\.0\.0\.1|localhost|\/graphql|at \w+ \(/);
  for (const name of ['identity', 'partners', 'cases', 'consent']) expect(text).not.toContain(`"${name}"`);
  for (const url of Object.values(stack.subgraphUrls)) expect(text).not.toContain(new URL(url).port);
}

async function gatewayWith(options: { introspection: boolean; gatewayKeys?: ReturnType<typeof generateKeySet> }) {
  const keys = options.gatewayKeys ?? stack.keys;
  const server = await createGatewayServer({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: stack.subgraphUrls,
    keys: partKeysFromSet(keys, 'gateway'),
    log: createMemoryLogger(),
    introspection: options.introspection,
  }).listen(0, '127.0.0.1');
  extra.push(server);
  return server;
}

async function post(url: string, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('gateway errors', () => {
  it('a subgraph that refuses the gateway (wrong key) shows as a masked internal error with a request id', async () => {
    const impostor = await gatewayWith({ introspection: false, gatewayKeys: generateKeySet() });
    const { text, headers } = await post(impostor.url, 'mutation { login(input: { email: "x@test.invalid", password: "whatever-long" }) { sessionToken } }');
    const body = JSON.parse(text);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toBe('Internal server error');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: headers.get('x-request-id') });
    // Without the request id, which is random hex and may itself contain "401".
    expect(text.replace(String(headers.get('x-request-id')), '')).not.toContain('401');
    expectNoInternals(text);
  });

  it('public error codes keep their message but lose the subgraph name', async () => {
    const { text } = await post(stack.gatewayUrl, '{ organisations { id } }');
    const body = JSON.parse(text);
    expect(body.errors[0]).toMatchObject({ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } });
    expectNoInternals(text);
  });

  it('introspection is refused when configured off', async () => {
    const { status, text } = await post(stack.gatewayUrl, '{ __schema { types { name } } }');
    const body = JSON.parse(text);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toContain('Organisation');
  });

  it('a misspelt field does not reveal the schema ("Did you mean") when introspection is off', async () => {
    const { text } = await post(stack.gatewayUrl, '{ organisatons { id } usrs { id } }');
    const body = JSON.parse(text);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/Did you mean|"organisations"|"users"/);
  });

  it('introspection answers when configured on (the control)', async () => {
    const open = await gatewayWith({ introspection: true });
    const body = JSON.parse((await post(open.url, '{ __schema { queryType { name } } }')).text);
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('a GET without a CSRF preflight header is refused', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('"__typename"');
  });

  it('a form-encoded POST (the shape a cross-site form can send) is refused', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.status).toBe(400);
  });

  it('health endpoints answer live and ready', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    expect((await fetch(`${origin}/health/live`)).status).toBe(200);
    expect(await (await fetch(`${origin}/health/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('no stack trace, subgraph name or address leaks when a subgraph is down', async () => {
    // Last in this file: it stops the partners subgraph for good.
    const token = await stack.login(TEST_USERS.coordinatorA.email);
    await stack.stopSubgraph('partners');
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ organisations { id profile { city } } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) {
      expect(error.message).toBe('Internal server error');
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    }
    expectNoInternals(text);
    // The operator can still find out what happened: the log names the request.
    expect(stack.logs.some((line) => line.includes(response.headers.get('x-request-id')!) && line.includes('"level":"error"'))).toBe(true);
  });
});

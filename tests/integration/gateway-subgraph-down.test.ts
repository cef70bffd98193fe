import { TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Issue 7: a subgraph that is down costs the caller only the fields it owns. The rest of the
// operation is answered, and the missing part carries a masked error (a code and a request id, never
// the subgraph's name, address or a stack trace).

let stack: Stack;
let token: string;
beforeAll(async () => {
  stack = await startStack();
  token = await stack.login(TEST_USERS.coordinatorA.email);
});
afterAll(() => stack?.close());

// `me` is resolved by identity; `service` by partners. `service` is nullable, so its failure stays in
// its own field — a non-null root field (e.g. `services: [Service!]!`) would null the whole `data`,
// as GraphQL's null propagation demands.
const MIXED = '{ me { user { id } } service(id: "00000000-0000-4000-8000-00000000f001") { id } }';

function expectNoInternals(text: string) {
  expect(text).not.toMatch(/serviceName|stacktrace|exception|ECONNREFUSED|127\.0\.0\.1|localhost|\/graphql|at \w+ \(/);
  for (const name of ['identity', 'partners', 'cases', 'consent']) expect(text).not.toContain(`"${name}"`);
  for (const url of Object.values(stack.subgraphUrls)) expect(text).not.toContain(new URL(url).port);
}

describe('a subgraph that is down', () => {
  it('with every subgraph up, the mixed operation answers without errors (the control)', async () => {
    const { status, body } = await stack.graphql(MIXED, undefined, token);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ me: { user: { id: TEST_USERS.coordinatorA.id } }, service: null });
  });

  it('answers the fields of the subgraphs that are up, and masks the error for the rest', async () => {
    await stack.stopSubgraph('partners');
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MIXED }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    const requestId = response.headers.get('x-request-id');
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ me: { user: { id: TEST_USERS.coordinatorA.id } }, service: null });
    // Apollo Gateway reports a failed fetch without a `path`: `service: null` is what tells the client
    // which part is missing.
    expect(body.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
    expectNoInternals(text);
    // The operator can still find out what happened: the log names the request.
    expect(stack.logs.some((line) => line.includes(requestId!) && line.includes('"level":"error"'))).toBe(true);
  });

  it('an operation that needs only the subgraphs that are up is not affected', async () => {
    const { status, body } = await stack.graphql('{ me { user { id } } }', undefined, token);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { me: { user: { id: TEST_USERS.coordinatorA.id } } } });
  });
});

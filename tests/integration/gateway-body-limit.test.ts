import { MAX_BODY_BYTES } from '@haven/kit/src/http/body';
import { TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Issue 7: the gateway refuses a request body over MAX_BODY_BYTES with 413 before it asks any
// subgraph anything (not even identity, to resolve the caller's token); a body just under it is
// handled as usual. "Reached a subgraph" is measured as SQL statements sent by any service.

let stack: Stack;
let token: string;
let statements = 0;
beforeAll(async () => {
  stack = await startStack({ onQuery: () => void statements++ });
  token = await stack.login(TEST_USERS.coordinatorA.email);
});
afterAll(() => stack?.close());

const QUERY = '{ me { user { id } } }';

/** A JSON body of exactly `bytes` bytes: the operation plus an unused variable as padding. */
function bodyOf(bytes: number) {
  const shell = JSON.stringify({ query: QUERY, variables: { pad: '' } });
  const text = JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(bytes - shell.length) } });
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

async function post(body: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, text: await response.text(), requestId: response.headers.get('x-request-id') };
}

describe('gateway request body size limit', () => {
  it('refuses a body one byte over the limit with 413 and a JSON error, asking no subgraph', async () => {
    const before = statements;
    const { status, text, requestId } = await post(bodyOf(MAX_BODY_BYTES + 1));
    expect(status).toBe(413);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Request body too large', extensions: { code: 'PAYLOAD_TOO_LARGE', requestId } }],
    });
    expect(statements).toBe(before);
  });

  it('refuses a body far over the limit the same way', async () => {
    const before = statements;
    const { status, text } = await post(bodyOf(8 * MAX_BODY_BYTES));
    expect(status).toBe(413);
    expect(JSON.parse(text).errors[0].message).toBe('Request body too large');
    expect(statements).toBe(before);
  });

  it('answers a body exactly at the limit normally (the control)', async () => {
    const { status, text } = await post(bodyOf(MAX_BODY_BYTES));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { me: { user: { id: TEST_USERS.coordinatorA.id } } } });
  });
});

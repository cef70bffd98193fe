import { MAX_PAGE_SIZE } from '@haven/kit/src/graphql/pagination';
import { TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Issue 7, maximum page sizes: the gateway's cost limit only sees a literal `first`; a page size given in
// variables reaches the subgraph, which refuses anything over MAX_PAGE_SIZE before reading a row. Every
// paginated list, through the real gateway, with `first` in variables.

let stack: Stack;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const user of ['coordinatorA', 'staffA', 'auditor'] as const) tokens[user] = await stack.login(TEST_USERS[user].email);
});
afterAll(() => stack?.close());

const LISTS = [
  { user: 'coordinatorA', field: 'cases', query: 'query Q($first: Int) { cases(first: $first) { nodes { id } } }' },
  { user: 'coordinatorA', field: 'sentReferrals', query: 'query Q($first: Int) { sentReferrals(first: $first) { nodes { id } } }' },
  { user: 'coordinatorA', field: 'overdueReferrals', query: 'query Q($first: Int) { overdueReferrals(first: $first) { nodes { id } } }' },
  { user: 'staffA', field: 'incomingReferrals', query: 'query Q($first: Int) { incomingReferrals(first: $first) { nodes { id } } }' },
  { user: 'auditor', field: 'auditEvents', query: 'query Q($first: Int) { auditEvents(first: $first) { nodes { seq } } }' },
] as const;

describe.each(LISTS)('$field with `first` in variables', ({ user, field, query }) => {
  const ask = (first: number) => stack.graphql(query, { first }, tokens[user]);

  it.each([MAX_PAGE_SIZE + 1, 10_000, 0, -1])('refuses first = %d with BAD_USER_INPUT naming the field', async (first) => {
    const { body } = await ask(first);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }) })]);
  });

  it(`answers first = ${MAX_PAGE_SIZE} (the maximum)`, async () => {
    const { body } = await ask(MAX_PAGE_SIZE);
    expect(body.errors).toBeUndefined();
    expect(Array.isArray(body.data[field].nodes)).toBe(true);
  });
});

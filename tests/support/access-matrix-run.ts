import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from './fixtures';
import { TOKEN_SCOPES, type Scenario, type TokenActor } from './access-matrix-scenario';
import type { Stack } from './stack';
import { identityFor, postToSubgraph } from './trust';

/**
 * The access matrix's machinery: who an actor is on the wire, one operation as sent, and the exact
 * check of one row's outcome. The table itself lives in tests/integration/access-matrix.test.ts.
 */

export type Actor = TestUserKey | TokenActor | 'no token' | 'bypass';
export type Category = 'IDENTITY' | 'CONTACT' | 'HEALTH' | 'CASE_NOTES';
type Ref = keyof Omit<Scenario, 'tokens' | 'sessions'>;

export type Expect =
  /** Exactly this value at the operation's path, and no error (a function: of the scenario's ids). */
  | { data: unknown }
  /** The list at the path (every page) holds the scenario's id (the database is shared with other files). */
  | { includes: Ref | ((s: Scenario) => string) }
  /** The list at the path (every page) does not hold it: allowed to ask, not to see this one. */
  | { excludes: Ref }
  /** Each category null in personalData and listed in its `withheld` marker, and no error. */
  | { withheld: Category[] }
  /** Exactly this one error code, and nothing at the path. */
  | { code: string }
  /** Refused before any GraphQL ran (a request around the gateway). */
  | { status: number };

/** A scope an API token may carry (GraphQL's spelling of e.g. referrals:read). */
export type Scope = (typeof TOKEN_SCOPES)['token(all scopes)'][number];

export interface Operation {
  /** The scope that lets a token of the receiving partner try this at all; null: no scope does (people only). */
  scope: Scope | null;
  subgraph: SubgraphName;
  query: string;
  variables: (s: Scenario) => Record<string, unknown>;
  /** Where the answer is, from `data`. */
  path: (string | number)[];
  /** For list answers: what of each item identifies it (compared with includes/excludes). */
  itemKey?: (item: any, s: Scenario) => string;
  /** A connection: follow endCursor until the end. */
  paged?: boolean;
  /** For personal data: the category the operation reads (the path leads to personalData). */
  category?: Category;
  /** Other targets of the same operation, named in a row's `on` (e.g. a service without consent). */
  on?: Record<string, (s: Scenario) => Record<string, unknown>>;
}

export interface Row {
  operation: string;
  actor: Actor;
  /** Another target of the operation (Operation.on); the operation's default variables otherwise. */
  on?: string;
  expect: Expect;
}

/** The actor kinds (issue 5, "Access matrix test"): the structural check wants a row of each for every operation. */
export const ACTOR_KINDS = [
  'coordinator',
  'staff of the receiving partner',
  'admin of the receiving partner',
  'staff of another partner',
  'network admin',
  'auditor',
  'token with the scope',
  'token without the scope',
  'no token',
  'bypass',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Which of the actors a row's actor is, for this operation. Partner A is the receiving partner of every
 * referral in the scenario, and the tokens are partner A's. Where no scope lets a token do the operation
 * (coordinator-only and admin-only operations), "the token with the scope" is the token with all scopes — it
 * must still be refused — and any narrower token is "without".
 */
export function actorKindOf(actor: Actor, op: Operation): ActorKind {
  if (actor in TOKEN_SCOPES) {
    const scopes: readonly Scope[] = TOKEN_SCOPES[actor as TokenActor];
    const withScope = op.scope === null ? actor === 'token(all scopes)' : scopes.includes(op.scope);
    return withScope ? 'token with the scope' : 'token without the scope';
  }
  const KIND_OF: Record<Exclude<Actor, TokenActor>, ActorKind> = {
    coordinatorA: 'coordinator',
    coordinatorB: 'coordinator',
    staffA: 'staff of the receiving partner',
    adminA: 'admin of the receiving partner',
    staffB: 'staff of another partner',
    networkAdmin: 'network admin',
    auditor: 'auditor',
    'no token': 'no token',
    bypass: 'bypass',
  };
  return KIND_OF[actor as Exclude<Actor, TokenActor>];
}

export const isAllowedOutcome = (expect: Expect) => 'data' in expect || 'includes' in expect;

const FIELD_OF: Record<Category, string> = { IDENTITY: 'identity', CONTACT: 'contact', HEALTH: 'health', CASE_NOTES: 'caseNotes' };

interface Answer {
  status: number;
  data: any;
  codes: unknown[];
}

/** Sends the operation as the actor: through the gateway with its bearer token, or straight to the subgraph. */
async function send(stack: Stack, s: Scenario, op: Operation, actor: Actor, bypassAs: TestUserKey, variables: Record<string, unknown>): Promise<Answer> {
  if (actor === 'bypass') {
    // A valid identity of someone the gateway would let through, but no gateway assertion.
    const user = TEST_USERS[bypassAs];
    const membership = user.memberships[0]!;
    const identityToken = await identityFor(stack.keys, {
      subject: user.id,
      organisationId: TEST_ORGANISATIONS[membership.organisation].id,
      roles: [membership.role],
    });
    const res = await postToSubgraph(stack.subgraphUrls[op.subgraph], { query: op.query, variables }, { identityToken });
    return { status: res.status, data: res.body?.data ?? null, codes: (res.body?.errors ?? []).map((e) => e.extensions?.code) };
  }
  const token = actor === 'no token' ? null : actor in s.tokens ? s.tokens[actor as TokenActor].token : s.sessions[actor as TestUserKey];
  const res = await stack.graphql(op.query, variables, token);
  return { status: res.status, data: res.body.data ?? null, codes: (res.body.errors ?? []).map((e) => e.extensions?.code) };
}

const at = (data: any, path: (string | number)[]) => path.reduce((value, key) => (value == null ? null : value[key]), data) ?? null;

/** The row's operation, as the actor, every page of it; what the row's expectation compares. */
export async function runRow(stack: Stack, s: Scenario, op: Operation, row: Row, bypassAs: TestUserKey) {
  const variables = row.on ? op.on![row.on]!(s) : op.variables(s);
  const first = await send(stack, s, op, row.actor, bypassAs, variables);
  let value = at(first.data, op.path);
  if (op.paged && first.codes.length === 0 && value) {
    const items = [...value.nodes];
    let page = value;
    for (let n = 0; page.hasNextPage && n < 50; n++) {
      const next = await send(stack, s, op, row.actor, bypassAs, { ...variables, after: page.endCursor });
      if (next.codes.length > 0) return { status: next.status, codes: next.codes, value: null };
      page = at(next.data, op.path);
      items.push(...page.nodes);
    }
    value = items;
  }
  return { status: first.status, codes: first.codes, value };
}

/** The row's outcome in the words of the table, so a failing row says what happened instead. */
export function describeOutcome(op: Operation, s: Scenario, outcome: { status: number; codes: unknown[]; value: any }): Expect | { got: unknown } {
  if (outcome.status !== 200) return { status: outcome.status };
  if (outcome.codes.length > 0) return { code: outcome.codes.join(',') };
  if (op.itemKey && Array.isArray(outcome.value)) return { got: outcome.value.map((item: unknown) => op.itemKey!(item, s)) };
  return { got: outcome.value };
}

/** Asserts the exact outcome of one row (jest expect). */
export function checkRow(
  op: Operation,
  s: Scenario,
  row: Row,
  outcome: { status: number; codes: unknown[]; value: any },
  expect: jest.Expect,
) {
  const e = row.expect;
  if ('status' in e) {
    expect(outcome.status).toBe(e.status);
    expect(outcome.value).toBeNull();
    return;
  }
  expect(outcome.status).toBe(200);
  if ('code' in e) {
    expect(outcome.codes).toEqual([e.code]);
    expect(outcome.value).toBeNull();
    return;
  }
  expect(outcome.codes).toEqual([]);
  if ('withheld' in e) {
    for (const category of e.withheld) {
      expect(outcome.value?.[FIELD_OF[category]]).toBeNull();
      expect(outcome.value?.withheld).toContain(category);
    }
    return;
  }
  if ('data' in e) {
    const wanted = typeof e.data === 'function' ? e.data(s) : e.data;
    if (op.category) {
      expect(outcome.value?.[FIELD_OF[op.category]]).toEqual(wanted);
      expect(outcome.value?.withheld).not.toContain(op.category);
    } else {
      expect(outcome.value).toEqual(wanted);
    }
    return;
  }
  const keys = (outcome.value as unknown[]).map((item) => op.itemKey!(item, s));
  if ('includes' in e) {
    const wanted = typeof e.includes === 'function' ? e.includes(s) : (s[e.includes] as string);
    expect(keys).toContain(wanted);
  } else {
    expect(keys).not.toContain(s[e.excludes] as string);
  }
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { createMemoryLogger } from '@haven/kit/src/log';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { DEFAULT_QUERY_LIMITS, QUERY_LIMIT_CODE, QUERY_LIMIT_MESSAGE } from './query-limits';
import { createGatewayServer } from './server';

// Everything here is refused (or answered) by the gateway before planning, so no subgraph runs: the
// subgraph URLs point at a closed port, and an operation that got past the gateway would show as an
// internal error instead of the refusal these tests expect.

const SUPERGRAPH = readFileSync(resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const NOWHERE = 'http://127.0.0.1:9/graphql';

let gateway: RunningServer;
beforeAll(async () => {
  gateway = await createGatewayServer({
    supergraphSdl: SUPERGRAPH,
    subgraphUrls: { identity: NOWHERE, partners: NOWHERE, cases: NOWHERE, consent: NOWHERE },
    keys: partKeysFromSet(generateKeySet(), 'gateway'),
    log: createMemoryLogger(),
    introspection: false,
  }).listen(0, '127.0.0.1');
});
afterAll(() => gateway?.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** A refusal: our typed error, and not one of the configured numbers anywhere in the answer. */
function expectRefusedWithoutLimits(status: number, text: string) {
  expect(status).toBe(400);
  const body = JSON.parse(text);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toEqual([expect.objectContaining({ message: QUERY_LIMIT_MESSAGE })]);
  expect(body.errors[0].extensions).toEqual({ code: QUERY_LIMIT_CODE });
  for (const value of Object.values(DEFAULT_QUERY_LIMITS)) expect(text).not.toMatch(new RegExp(`\\b${value}\\b`));
  expect(text).not.toMatch(/limit of|exceeded|found \d/i);
}

/** referral → case → referrals → case → …: a valid query `depth` fields deep (depth odd). */
const nested = (depth: number) =>
  `{ referral(id: "x") { ${'case { referrals { '.repeat((depth - 1) / 2)}id${' } }'.repeat((depth - 1) / 2)} } }`;

describe('gateway query limits', () => {
  it('answers a small operation (the control: the limits do not refuse everything)', async () => {
    const { status, text } = await post({ query: '{ __typename }' });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a query 21 levels deep', async () => {
    const { status, text } = await post({ query: nested(21) });
    expectRefusedWithoutLimits(status, text);
  });

  it('refuses 200 aliases of one field', async () => {
    // Not __typename: armor lets aliases of it through, the gateway answers those itself.
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: organisations { id }`).join(' ');
    const { status, text } = await post({ query: `{ ${aliases} }` });
    expectRefusedWithoutLimits(status, text);
  });

  it('refuses a document of 10,000 tokens, before validating it', async () => {
    const { status, text } = await post({ query: `{ ${'__typename '.repeat(9_998)}}` });
    expectRefusedWithoutLimits(status, text);
  });

  it('refuses a pile of directives', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: __typename @include(if: true)`).join(' ');
    const { status, text } = await post({ query: `{ ${fields} }` });
    expectRefusedWithoutLimits(status, text);
  });

  it('refuses an operation whose estimated cost is too high', async () => {
    const wide = 'seq at action actorUserId actorRole referralId categories purpose actorOrganisation { id name }';
    const { status, text } = await post({ query: `{ auditEvents(first: 10000) { nodes { ${wide} } } }` });
    expectRefusedWithoutLimits(status, text);
  });

  it('keeps field suggestions hidden ("Did you mean") with introspection off', async () => {
    const { text } = await post({ query: '{ organisatons { id } }' });
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/Did you mean|"organisations"/);
  });
});

describe('gateway request shapes', () => {
  it('refuses a batched (JSON array) request', async () => {
    const { status, text } = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(status).toBe(400);
    expect(text).not.toContain('"Query"');
  });

  it('refuses a mutation over GET, even with the CSRF preflight header', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('mutation { logout }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string }> };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]?.message).toMatch(/only support query operations/);
  });

  it('answers a query over GET with the preflight header (the control for the mutation test)', async () => {
    const url = `${gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { listenMetrics } from '@haven/kit/src/metrics/metrics-server';
import { TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Prometheus metrics on each part's own listener: request counts and latency by route, operations and
// their errors by name, the database pool; and nothing of it on the gateway's public port.

let stack: Stack;
const listeners: RunningServer[] = [];
let gatewayMetrics: RunningServer;
let partnersMetrics: RunningServer;

beforeAll(async () => {
  stack = await startStack({ metrics: true });
  gatewayMetrics = await listenMetrics(stack.metrics!.gateway.registry, 0, '127.0.0.1');
  partnersMetrics = await listenMetrics(stack.metrics!.partners.registry, 0, '127.0.0.1');
  listeners.push(gatewayMetrics, partnersMetrics);
});
afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
  await stack?.close();
});

async function scrape(listener: RunningServer): Promise<string> {
  const response = await fetch(listener.url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of the sample of `metric` whose labels include all of `labels` (undefined when there is none). */
function sample(text: string, metric: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const has = Object.entries(labels).every(([key, value]) => match[2]!.split(/,(?=\w+=)/).includes(`${key}="${value}"`));
    if (has) return Number(match[3]);
  }
  return undefined;
}

describe('metrics', () => {
  it('count and time requests, operations and their errors per part, with the pool and process metrics', async () => {
    const token = await stack.login(TEST_USERS.adminA.email);
    const ok = await stack.graphql('query MyOrganisation { me { activeOrganisation { id services { id } } } }', {}, token);
    expect(ok.body.errors).toBeUndefined();
    const refused = await stack.graphql('query Broken { noSuchField }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const gateway = await scrape(gatewayMetrics);
    expect(sample(gateway, 'haven_http_requests_total', { part: 'gateway', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'haven_http_request_duration_seconds_bucket', { part: 'gateway', route: '/graphql', le: '10' })).toBeGreaterThanOrEqual(2);
    expect(sample(gateway, 'haven_http_request_duration_seconds_bucket', { part: 'gateway', route: '/graphql', le: '0.001' })).toBeDefined();
    expect(sample(gateway, 'haven_graphql_operations_total', { part: 'gateway', operation: 'MyOrganisation', outcome: 'ok' })).toBe(1);
    // Signed-out callers' operations (the login, and the broken one sent without a token) go under one label.
    expect(sample(gateway, 'haven_graphql_operations_total', { part: 'gateway', operation: 'signed_out', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'haven_graphql_operations_total', { part: 'gateway', operation: 'signed_out', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'haven_graphql_errors_total', { part: 'gateway', operation: 'signed_out', code: 'GRAPHQL_VALIDATION_FAILED' })).toBeGreaterThanOrEqual(1);
    expect(gateway).not.toMatch(/operation="(Login|Broken)"/);
    expect(sample(gateway, 'haven_subgraph_fetch_duration_seconds_count', { part: 'gateway', subgraph: 'identity' })).toBeGreaterThanOrEqual(1);
    expect(sample(gateway, 'haven_subgraph_fetch_duration_seconds_count', { part: 'gateway', subgraph: 'partners' })).toBeGreaterThanOrEqual(1);
    expect(gateway).toMatch(/^process_cpu_user_seconds_total\{part="gateway"\} /m);
    expect(gateway).not.toContain('haven_db_pool_connections');

    const partners = await scrape(partnersMetrics);
    expect(sample(partners, 'haven_http_requests_total', { part: 'partners', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(partners, 'haven_graphql_operations_total', { part: 'partners', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(partners, 'haven_db_pool_connections', { part: 'partners', state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(partners, 'haven_db_pool_connections', { part: 'partners', state: 'idle' })).toBeGreaterThanOrEqual(0);
    expect(sample(partners, 'haven_db_pool_connections', { part: 'partners', state: 'waiting' })).toBe(0);
    // A subgraph fetches from no subgraph: the gateway's histogram stays empty there.
    expect(sample(partners, 'haven_subgraph_fetch_duration_seconds_count', {})).toBeUndefined();
  });

  it("a signed-out caller's operation names never become labels (nor log fields): they are the client's choice", async () => {
    for (let i = 0; i < 5; i++) await stack.graphql(`query Junk${i}Name { __typename }`);
    const gateway = await scrape(gatewayMetrics);
    expect(gateway).not.toMatch(/Junk\dName/);
    expect(stack.logs.some((line) => /Junk\dName/.test(line))).toBe(false);
  });

  it('unknown paths share one route label instead of becoming series of their own', async () => {
    const response = await fetch(new URL('/wp-admin/setup.php', stack.gatewayUrl));
    expect(response.status).toBe(404);
    const gateway = await scrape(gatewayMetrics);
    expect(sample(gateway, 'haven_http_requests_total', { part: 'gateway', route: 'other', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(gateway).not.toContain('wp-admin');
  });

  it('/metrics is not served on the public gateway port', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await fetch(new URL('/metrics', stack.gatewayUrl), { method });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('haven_http_requests_total');
    }
  });

  it('the metrics listener answers GET /metrics only', async () => {
    expect((await fetch(new URL('/graphql', gatewayMetrics.url))).status).toBe(404);
    expect((await fetch(gatewayMetrics.url, { method: 'POST' })).status).toBe(405);
  });
});

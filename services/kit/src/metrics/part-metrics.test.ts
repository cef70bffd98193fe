import { createMemoryLogger } from '../log';
import { MAX_OPERATION_LABELS } from './bounded-labels';
import { createPartMetrics } from './part-metrics';
import { RequestRecord } from './request-record';

/** The distinct values of `label` among the samples of `metric`. */
async function labelValues(text: Promise<string>, metric: string, label: string): Promise<Set<string>> {
  const values = new Set<string>();
  for (const line of (await text).split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const match = new RegExp(`[{,]${label}="([^"]*)"`).exec(line);
    if (match) values.add(match[1]!);
  }
  return values;
}

describe('part metrics', () => {
  it('many distinct operation names never make more than the cap of operation labels', async () => {
    const metrics = createPartMetrics('partners');
    for (let i = 0; i < MAX_OPERATION_LABELS + 150; i++) {
      const record = new RequestRecord({ route: '/graphql', log: createMemoryLogger(), metrics, logged: false });
      record.graphql = { operationName: `Operation${i}`, outcome: 'error', errorCodes: ['BAD_USER_INPUT'] };
      record.finish(200);
    }
    const operations = await labelValues(metrics.registry.metrics(), 'haven_graphql_operations_total', 'operation');
    expect(operations.size).toBe(MAX_OPERATION_LABELS + 1);
    expect(operations.has('other')).toBe(true);
    const errors = await labelValues(metrics.registry.metrics(), 'haven_graphql_errors_total', 'operation');
    expect(errors.size).toBe(MAX_OPERATION_LABELS + 1);
  });

  it('error codes that are not codes are counted as invalid, not as themselves', async () => {
    const metrics = createPartMetrics('cases');
    const record = new RequestRecord({ route: '/graphql', log: createMemoryLogger(), metrics, logged: false });
    record.graphql = { operationName: null, outcome: 'error', errorCodes: ['someone@example.org', 'NOT_FOUND'] };
    record.finish(200);
    const codes = await labelValues(metrics.registry.metrics(), 'haven_graphql_errors_total', 'code');
    expect([...codes].sort()).toEqual(['NOT_FOUND', 'invalid']);
    const operations = await labelValues(metrics.registry.metrics(), 'haven_graphql_operations_total', 'operation');
    expect([...operations]).toEqual(['anonymous']);
  });

  it('the pool gauges read the pool at every scrape', async () => {
    const metrics = createPartMetrics('identity');
    const pool = { totalCount: 3, idleCount: 2, waitingCount: 0 };
    metrics.watchPool(pool);
    expect(await metrics.registry.metrics()).toContain('haven_db_pool_connections{state="total",part="identity"} 3');
    pool.totalCount = 5;
    pool.waitingCount = 4;
    const text = await metrics.registry.metrics();
    expect(text).toContain('haven_db_pool_connections{state="total",part="identity"} 5');
    expect(text).toContain('haven_db_pool_connections{state="waiting",part="identity"} 4');
  });
});

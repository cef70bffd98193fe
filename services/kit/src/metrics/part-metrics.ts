import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PartName } from '../taxonomy';
import { BoundedLabels, ERROR_CODE, MAX_ERROR_CODE_LABELS, MAX_OPERATION_LABELS, OPERATION_NAME } from './bounded-labels';

/** What the pool gauges read: a pg.Pool has exactly these. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** 1 ms … 10 s: a health probe lands in the first buckets, a slow matching query or a timeout in the last. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PartMetrics {
  part: PartName;
  registry: Registry;
  httpRequests: Counter<'route' | 'status'>;
  httpDuration: Histogram<'route'>;
  graphqlOperations: Counter<'operation' | 'outcome'>;
  graphqlErrors: Counter<'operation' | 'code'>;
  subgraphFetchDuration: Histogram<'subgraph'>;
  /** The label for an operation name: bounded, validated, `anonymous` when there is none. */
  operationLabel(name: string | null | undefined): string;
  errorCodeLabel(code: string | null | undefined): string;
  /** Reports the pool's connections (total, idle, waiting clients) at every scrape. */
  watchPool(pool: PoolStats): void;
}

/**
 * One registry per part (never prom-client's global one: the test stack runs five parts in one process),
 * with Node's process metrics and every series labelled with the part.
 */
export function createPartMetrics(part: PartName): PartMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ part });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const operations = new BoundedLabels({ cap: MAX_OPERATION_LABELS, valid: OPERATION_NAME, missing: 'anonymous' });
  const codes = new BoundedLabels({ cap: MAX_ERROR_CODE_LABELS, valid: ERROR_CODE, missing: 'UNKNOWN' });
  const pools: PoolStats[] = [];
  // Registered with the first pool: a part without a database (the gateway) shows no pool at all.
  const registerPoolGauge = () =>
    new Gauge({
      name: 'haven_db_pool_connections',
      help: 'Database pool connections: total open, idle, and clients waiting for one',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const sum = (read: (pool: PoolStats) => number) => pools.reduce((n, pool) => n + read(pool), 0);
        this.set({ state: 'total' }, sum((p) => p.totalCount));
        this.set({ state: 'idle' }, sum((p) => p.idleCount));
        this.set({ state: 'waiting' }, sum((p) => p.waitingCount));
      },
    });

  return {
    part,
    registry,
    httpRequests: new Counter({
      name: 'haven_http_requests_total',
      help: 'HTTP requests answered, by route and status code',
      labelNames: ['route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'haven_http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to finishing its answer',
      labelNames: ['route'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    graphqlOperations: new Counter({
      name: 'haven_graphql_operations_total',
      help: 'GraphQL operations by operation name and outcome (ok, partial: data with errors, error: no data)',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    graphqlErrors: new Counter({
      name: 'haven_graphql_errors_total',
      help: 'GraphQL errors returned, by operation name and extensions.code',
      labelNames: ['operation', 'code'] as const,
      registers,
    }),
    subgraphFetchDuration: new Histogram({
      name: 'haven_subgraph_fetch_duration_seconds',
      help: 'Gateway only: time of each fetch from a subgraph',
      labelNames: ['subgraph'] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    operationLabel: (name) => operations.label(name),
    errorCodeLabel: (code) => codes.label(code),
    watchPool: (pool) => {
      if (pools.length === 0) registerPoolGauge();
      pools.push(pool);
    },
  };
}

import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log';
import { operationNameForLog } from './bounded-labels';
import type { PartMetrics } from './part-metrics';

export type GraphqlOutcome = 'ok' | 'partial' | 'error';

export interface GraphqlObservation {
  /** As the client named it (unvalidated: labels and logs validate it). */
  operationName: string | null;
  outcome: GraphqlOutcome;
  /** extensions.code of every error in the response, in order. */
  errorCodes: string[];
}

export interface RequestRecordOptions {
  /** A bounded route name (never the raw path): it becomes a metrics label. */
  route: string;
  log: Logger;
  metrics?: PartMetrics;
  /** Whether to write the access line (health probes are counted but not logged). */
  logged: boolean;
  requestId?: string;
}

/**
 * What one HTTP request did, gathered while it runs and written once at the end: one access log line
 * (ids, operation name, status, outcome, duration — never the query or its variables) and the metrics.
 */
export class RequestRecord {
  requestId: string | undefined;
  graphql: GraphqlObservation | undefined;
  private readonly startedAt = performance.now();

  constructor(private readonly options: RequestRecordOptions) {
    this.requestId = options.requestId;
  }

  finish(status: number): void {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const { metrics, route } = this.options;
    if (metrics) {
      metrics.httpRequests.inc({ route, status: String(status) });
      metrics.httpDuration.observe({ route }, seconds);
      if (this.graphql) {
        const operation = metrics.operationLabel(this.graphql.operationName);
        metrics.graphqlOperations.inc({ operation, outcome: this.graphql.outcome });
        for (const code of this.graphql.errorCodes) metrics.graphqlErrors.inc({ operation, code: metrics.errorCodeLabel(code) });
      }
    }
    if (!this.options.logged) return;
    this.options.log.info('request', {
      requestId: this.requestId,
      route,
      operationName: this.graphql ? operationNameForLog(this.graphql.operationName) : undefined,
      status,
      outcome: this.graphql?.outcome,
      ms: Math.round(seconds * 1000),
    });
  }
}

/**
 * Runs `handle` with a fresh record and finishes it with the status the response got. The record travels in
 * the request's GraphQL context (`requestRecord`), not in AsyncLocalStorage: its promise hooks cost every
 * resolver's promise a few per cent of CPU (profiled, docs/performance.md).
 */
export async function recordRequest(
  res: ServerResponse,
  options: RequestRecordOptions,
  handle: (record: RequestRecord) => Promise<void>,
): Promise<void> {
  const record = new RequestRecord(options);
  try {
    await handle(record);
  } finally {
    record.finish(res.statusCode);
  }
}

/** `path` as a metrics label: one of `known`, or `other` (a scanner's random paths must not become series). */
export function routeLabel(path: string, known: readonly string[]): string {
  return known.includes(path) ? path : 'other';
}

import { performance } from 'node:perf_hooks';
import type { PartMetrics } from './part-metrics';

interface FetchingSource {
  process(...args: never[]): Promise<unknown>;
}

/**
 * Observes every `process` call (one fetch from a subgraph, as Apollo Gateway's data sources do it) in the
 * part's subgraph-fetch histogram; failed fetches are timed too. Without metrics the source is unchanged.
 */
export function timeSubgraphFetches<Source extends FetchingSource>(source: Source, subgraph: string, metrics?: PartMetrics): Source {
  if (!metrics) return source;
  const process = source.process.bind(source) as (...args: never[]) => Promise<unknown>;
  source.process = (async (...args: never[]) => {
    const startedAt = performance.now();
    try {
      return await process(...args);
    } finally {
      metrics.subgraphFetchDuration.observe({ subgraph }, (performance.now() - startedAt) / 1000);
    }
  }) as Source['process'];
  return source;
}

import { aggregateRounds, rotate } from './load-runner';
import { percentiles } from './timing';

describe('interleaving and aggregating load rounds', () => {
  it('rotates the order each round so no variant always runs first', () => {
    expect([0, 1, 2, 3].map((round) => rotate(['a', 'b', 'c'], round).join(''))).toEqual(['abc', 'bca', 'cab', 'abc']);
    expect(rotate([], 2)).toEqual([]);
  });

  it('takes percentiles over every request of every round and throughput over the summed time', () => {
    const stats = aggregateRounds([
      { latencies: Float64Array.from([10, 30]), elapsedMs: 1000, failures: 0, firstFailure: null },
      { latencies: Float64Array.from([20, 40, 50, 60]), elapsedMs: 2000, failures: 2, firstFailure: 'HTTP 503: SERVICE_UNAVAILABLE' },
    ]);
    expect(stats.requests).toBe(6);
    expect(stats.requestsPerSecond).toBe(2);
    expect(stats.p50).toBe(30);
    expect(stats.p99).toBe(60);
    expect(stats.failures).toBe(2);
    expect(stats.firstFailure).toBe('HTTP 503: SERVICE_UNAVAILABLE');
  });

  it('reports no throughput and missing percentiles for rounds without a request', () => {
    const stats = aggregateRounds([{ latencies: new Float64Array(), elapsedMs: 0, failures: 0, firstFailure: null }]);
    expect(stats.requestsPerSecond).toBe(0);
    expect(stats.p50).toBeNaN();
  });
});

describe('nearest-rank percentiles', () => {
  it('sorts numerically, not as text', () => {
    expect(percentiles([100, 9, 20]).p50).toBe(20);
  });

  it('picks the value at or above each rank among 100 samples', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99 });
  });
});

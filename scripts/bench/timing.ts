import { performance } from 'node:perf_hooks';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface TimedTask {
  label: string;
  /** One measured call; a promise is awaited inside the measurement, a plain value ends it at once. */
  run(): unknown;
}

/**
 * Warm-up, then `runs` rounds in which every task runs once in turn (A, B, A, B …), so a noisy neighbour or a
 * GC pause lands on all tasks alike instead of on whichever happened to run during it. Milliseconds per task.
 */
export async function timeInterleaved(tasks: TimedTask[], runs: number, warmup: number): Promise<Map<string, Percentiles>> {
  const samples = new Map(tasks.map((t) => [t.label, [] as number[]]));
  for (let round = 0; round < warmup + runs; round += 1) {
    for (const task of tasks) {
      const start = performance.now();
      const result = task.run();
      if (result instanceof Promise) await result;
      const elapsed = performance.now() - start;
      if (round >= warmup) samples.get(task.label)!.push(elapsed);
    }
  }
  return new Map([...samples].map(([label, values]) => [label, percentiles(values)]));
}

/** Nearest-rank percentiles; NaN for no values (a table shows that as missing rather than as 0 ms). */
export function percentiles(values: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadTarget } from './load-target';
import type { RoundCommand, RoundResult } from './load-worker';
import { percentiles, type Percentiles } from './timing';

export interface LoadStats extends Percentiles {
  /** Answered cleanly, per second of the rounds. */
  requestsPerSecond: number;
  requests: number;
  /** Requests that failed (timeouts, 503s …); not in the percentiles or the throughput. */
  failures: number;
  firstFailure: string | null;
}

export interface LoadWorker {
  round(command: RoundCommand): Promise<RoundResult>;
  close(): Promise<void>;
}

/**
 * The load generator in a worker thread: its own event loop on the second core, so the clients' work does
 * not queue behind the servers' (which all run on the main thread). The worker loads its TypeScript through
 * tsx, as this process does.
 */
export function startLoadWorker(targets: Record<string, LoadTarget>): LoadWorker {
  const entry = join(__dirname, 'load-worker.ts');
  const worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true, workerData: targets });
  let pending: { resolve(result: RoundResult): void; reject(error: Error): void } | null = null;
  worker.on('message', (message: { ok: true; result: RoundResult } | { ok: false; message: string }) => {
    const waiting = pending;
    pending = null;
    if (message.ok) waiting?.resolve(message.result);
    else waiting?.reject(new Error(message.message));
  });
  worker.on('error', (error) => {
    pending?.reject(error);
    pending = null;
  });
  return {
    round: (command) =>
      new Promise<RoundResult>((resolve, reject) => {
        if (pending) return reject(new Error('one round at a time'));
        pending = { resolve, reject };
        worker.postMessage(command);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** How long and at which concurrencies a suite loads its targets. */
export interface LoadPlan {
  concurrencies: readonly number[];
  rounds: number;
  roundMs: number;
  /** An unmeasured round per label before each concurrency's measured ones (connections, JIT, caches). */
  warmupMs: number;
}

export interface InterleavedPlan extends LoadPlan {
  labels: string[];
}

/**
 * For each concurrency: a warm-up round per label, then `rounds` measured rounds in which every label runs
 * once, the order rotating each round, so a noisy neighbour or a GC pause lands on all alike and no label
 * always runs first. Failed requests are counted and reported (an overloaded path may time out); a label
 * whose requests mostly fail stops the run, since that is a broken set-up rather than a slow one.
 */
export async function measureInterleaved(worker: LoadWorker, plan: InterleavedPlan): Promise<Map<number, Map<string, LoadStats>>> {
  const byConcurrency = new Map<number, Map<string, LoadStats>>();
  for (const concurrency of plan.concurrencies) {
    for (const label of plan.labels) await worker.round({ label, concurrency, durationMs: plan.warmupMs });
    const results = new Map(plan.labels.map((label) => [label, [] as RoundResult[]]));
    for (let round = 0; round < plan.rounds; round += 1) {
      for (const label of rotate(plan.labels, round)) {
        results.get(label)!.push(checked(await worker.round({ label, concurrency, durationMs: plan.roundMs })));
      }
    }
    byConcurrency.set(concurrency, new Map([...results].map(([label, rounds]) => [label, aggregateRounds(rounds)])));
  }
  return byConcurrency;
}

function checked(result: RoundResult): RoundResult {
  if (result.failures > result.latencies.length) {
    throw new Error(`${result.label}: ${result.failures} of ${result.failures + result.latencies.length} requests failed, a broken set-up (first: ${result.firstFailure})`);
  }
  return result;
}

/** `items` started at position `by` (wrapping): round 0 → A B C, round 1 → B C A, … */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const start = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** Rounds of one label taken together: percentiles over every request, throughput over the summed time. */
export function aggregateRounds(rounds: readonly Pick<RoundResult, 'latencies' | 'elapsedMs' | 'failures' | 'firstFailure'>[]): LoadStats {
  const latencies = rounds.flatMap((r) => Array.from(r.latencies));
  const elapsedMs = rounds.reduce((sum, r) => sum + r.elapsedMs, 0);
  return {
    ...percentiles(latencies),
    requests: latencies.length,
    requestsPerSecond: elapsedMs > 0 ? (latencies.length * 1000) / elapsedMs : 0,
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    firstFailure: rounds.find((r) => r.firstFailure)?.firstFailure ?? null,
  };
}

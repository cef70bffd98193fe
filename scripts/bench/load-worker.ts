// Worker-thread entry of the load generator (started by load-runner.ts): builds each target's request
// once, then runs closed-loop rounds on request and posts back each request's latency.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { loadRequest, type LoadRequest, type LoadTarget } from './load-target';

export interface RoundCommand {
  label: string;
  concurrency: number;
  durationMs: number;
}

export interface RoundResult {
  label: string;
  /** One latency (ms) per completed request, failed ones excluded. */
  latencies: Float64Array;
  failures: number;
  /** First failure's message (status and error codes only; no bodies). */
  firstFailure: string | null;
  elapsedMs: number;
}

const requests = new Map<string, LoadRequest>(
  Object.entries(workerData as Record<string, LoadTarget>).map(([label, target]) => [label, loadRequest(target)]),
);

/**
 * `concurrency` clients, each sending its next request as soon as its last one is answered, until the
 * duration has passed; requests still in flight then are finished and counted.
 */
async function runRound(command: RoundCommand): Promise<RoundResult> {
  const request = requests.get(command.label);
  if (!request) throw new Error(`unknown load target ${command.label}`);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const deadline = started + command.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await request();
        latencies.push(performance.now() - t0);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, client));
  return { label: command.label, latencies: Float64Array.from(latencies), failures, firstFailure, elapsedMs: performance.now() - started };
}

parentPort!.on('message', (command: RoundCommand) => {
  runRound(command).then(
    (result) => parentPort!.postMessage({ ok: true, result }, [result.latencies.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});

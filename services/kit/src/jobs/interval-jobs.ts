import type { Logger } from '../log';

export interface Job {
  name: string;
  /** One round of work; returns how many items it handled (for the log). */
  run(): Promise<number>;
}

/**
 * Runs background jobs every `intervalMs` in this process: one round at a time per job (a slow round
 * is never overlapped by the next), errors logged and the next round tried as usual. Safety across
 * several instances is the jobs' own business (row locks, SKIP LOCKED, idempotent calls). `stop`
 * waits for rounds in flight, so a graceful shutdown never cuts a transaction in half.
 */
export function startIntervalJobs(jobs: Job[], intervalMs: number, log: Logger): { stop(): Promise<void> } {
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const round = (job: Job) => {
    if (stopped || running.has(job.name)) return;
    const started = Date.now();
    const work = job
      .run()
      .then((handled) => {
        if (handled > 0) log.info('job round', { job: job.name, handled, ms: Date.now() - started });
      })
      .catch((error: unknown) => log.error('job round failed', { job: job.name, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => running.delete(job.name));
    running.set(job.name, work);
  };

  const timer = setInterval(() => jobs.forEach(round), intervalMs);
  timer.unref();
  // A first round soon after start, not a whole interval later.
  const first = setTimeout(() => jobs.forEach(round), Math.min(intervalMs, 1_000));
  first.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
      await Promise.all(running.values());
    },
  };
}

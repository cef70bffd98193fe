import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Stops the PostgreSQL server running on `dataDir`, if any, and waits until it is gone. Works from the
 * server's own pid file, so it also stops a server left running by an earlier run that was killed before it
 * could stop it (SIGKILL, a closed terminal) — which the kit would otherwise reuse and nobody would stop.
 * Only called while this run holds the data directory (run.pid), so the server is no one else's.
 */
export async function stopPostgres(dataDir: string, why?: string): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  if (why) process.stdout.write(`Stopping PostgreSQL ${why} (process ${pid}) …\n`);
  // SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isPostgres(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (process ${pid}) on ${dataDir} did not stop within 30 s; stop it by hand.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Alive and PostgreSQL (a zombie has an empty cmdline; a recycled pid runs something else). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

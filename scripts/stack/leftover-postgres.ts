import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Stops a PostgreSQL server still running on `dataDir` from an earlier run that was killed before it could
 * stop it (SIGKILL, a closed terminal). Without this the kit would reuse that server and nobody would stop
 * it at the end. Only called while this run holds the data directory, so the server is no one else's.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  process.stdout.write(`Stopping PostgreSQL left running by an earlier run (process ${pid}) …\n`);
  // SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isPostgres(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (process ${pid}) on ${dataDir} did not stop; stop it by hand.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

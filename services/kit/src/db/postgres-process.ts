import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The PostgreSQL server running on `dataDir` (from its postmaster.pid), or undefined when none runs there:
 * no pid file, or its process is gone or is no longer PostgreSQL (a recycled pid).
 */
export function postgresPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && isPostgres(pid) ? pid : undefined;
}

/** Alive and PostgreSQL. On Linux from /proc (a zombie has an empty cmdline); elsewhere only "alive". */
export function isPostgres(pid: number): boolean {
  if (existsSync('/proc/self/cmdline')) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StopPostgresOptions {
  /** How long the fast shutdown (SIGINT) may take before an immediate one (SIGQUIT) is sent. */
  timeoutMs?: number;
}

/**
 * Stops the PostgreSQL server running on `dataDir`, if any, and returns once it is gone (or throws after a
 * bounded wait). Works from the server's own pid file, so it stops a server whatever started it — also one
 * that already stopped (returns at once) or one left by an earlier, killed run. Returns the pid it stopped.
 * Only call it for a data directory the caller owns: the server is stopped for every client.
 */
export async function stopPostgresServer(dataDir: string, options: StopPostgresOptions = {}): Promise<number | undefined> {
  const pid = postgresPid(dataDir);
  if (pid === undefined) return undefined;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  if (signal(pid, 'SIGINT') && (await gone(pid, timeoutMs))) return pid;
  // SIGQUIT = "immediate" shutdown: no checkpoint; the next start recovers from the WAL.
  if (signal(pid, 'SIGQUIT') && (await gone(pid, 5_000))) return pid;
  if (!isPostgres(pid)) return pid;
  throw new Error(`PostgreSQL (process ${pid}) on ${dataDir} did not stop within ${Math.round(timeoutMs / 1000) + 5} s; stop it by hand.`);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false; // Gone already (ESRCH).
  }
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isPostgres(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartProcess } from './part-process';

/**
 * One `npm start` per data directory: a second one would share (and then stop) the first one's database.
 * run.pid holds the pid and its start time, so a stale file whose pid was reused (after a reboot) is no obstacle.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'run.pid');
  const [pidText, started] = existsSync(file) ? readFileSync(file, 'utf8').trim().split(' ') : [];
  const other = Number.parseInt(pidText ?? '', 10);
  if (Number.isInteger(other) && other !== process.pid && started && startTime(other) === started) {
    throw new Error(`Haven is already running from ${dataDir} (process ${other}). Stop it first, or set HAVEN_DATA_DIR to another directory.`);
  }
  writeFileSync(file, `${process.pid} ${startTime(process.pid)}`);
  return () => rmSync(file, { force: true });
}

/**
 * The parts' process groups, recorded so that a run killed without a chance to clean up (SIGKILL, a closed
 * terminal) does not leave them holding the ports: the next run stops them first.
 */
export const partsFile = (dataDir: string) => join(dataDir, 'parts.json');

export function recordParts(dataDir: string, parts: PartProcess[]): void {
  const entries = parts.map((part) => ({ name: part.name, pid: part.child.pid, started: startTime(part.child.pid) }));
  writeFileSync(partsFile(dataDir), JSON.stringify(entries));
}

export async function stopLeftoverParts(dataDir: string): Promise<void> {
  let entries: { name: string; pid?: number; started?: string }[];
  try {
    entries = JSON.parse(readFileSync(partsFile(dataDir), 'utf8'));
  } catch {
    return;
  }
  const leftovers = entries.filter(({ pid, started }) => pid && started && startTime(pid) === started);
  for (const { name, pid } of leftovers) {
    process.stdout.write(`Stopping ${name} left running by an earlier run (process ${pid}) …\n`);
    signalGroup(pid!, 'SIGKILL');
  }
  // Wait until they are gone, so their ports are free for this run.
  const deadline = Date.now() + 10_000;
  while (leftovers.some(({ pid }) => signalGroup(pid!, 0)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  rmSync(partsFile(dataDir), { force: true });
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's start time (field 22 of /proc/<pid>/stat): with the pid it identifies the very process
 * recorded, never a stranger that reused the pid. (Not the command line: `next start` renames itself.)
 */
function startTime(pid: number | undefined): string | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

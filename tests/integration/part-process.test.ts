import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKeyDirectory } from '@haven/kit/src/trust/keys';

/**
 * A part as operations run it (`node --import tsx <part>/src/index.ts`, docker-compose.yml): a bad setting
 * stops it at once with a message naming the setting; SIGTERM stops it cleanly.
 */
const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startPartProcess(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    // Only what the test gives, plus PATH: nothing from the developer's environment decides the outcome.
    env: { PATH: process.env.PATH, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (run.stdout += chunk));
  child.stderr.on('data', (chunk) => (run.stderr += chunk));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ ...run, code })));
  return { child, run, exited };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('a part started as a process', () => {
  let keysDir: string;

  beforeAll(() => {
    keysDir = mkdtempSync(join(tmpdir(), 'haven-part-keys-'));
    ensureKeyDirectory(keysDir);
  });
  afterAll(() => rmSync(keysDir, { recursive: true, force: true }));

  it('refuses to start without its keys directory, naming the setting, without a stack trace', async () => {
    const result = await startPartProcess('gateway/src/index.ts', {}).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^gateway: Invalid configuration:\n\s+HAVEN_KEYS_DIR: /);
    noStackTrace(result.stderr);
  });

  it('refuses a malformed setting by name and does not echo secrets given beside it', async () => {
    const result = await startPartProcess('services/identity/src/index.ts', {
      HAVEN_KEYS_DIR: keysDir,
      DATABASE_URL: 'mysql://haven_identity:not-a-real-secret@db/haven',
      PORT: 'eighty',
    }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).not.toMatch(/not-a-real-secret/);
    noStackTrace(result.stderr);
  });

  it('names the key file a part cannot find', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'haven-no-keys-'));
    try {
      const result = await startPartProcess('gateway/src/index.ts', { HAVEN_KEYS_DIR: empty }).exited;
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^gateway: HAVEN_KEYS_DIR: key file missing: .*\.pub\n$/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a vault key ring that is not 32-byte keys, naming the setting but not the key', async () => {
    const result = await startPartProcess('services/cases/src/index.ts', {
      HAVEN_KEYS_DIR: keysDir,
      DATABASE_URL: 'postgresql://haven_cases:x@127.0.0.1:1/haven',
      PARTNERS_URL: 'http://127.0.0.1:1/graphql',
      IDENTITY_URL: 'http://127.0.0.1:1/graphql',
      CONSENT_URL: 'http://127.0.0.1:1/graphql',
      HAVEN_VAULT_KEYS: 'k1:c2hvcnQ=',
    }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cases: Invalid configuration:\n\s+HAVEN_VAULT_KEYS: key "k1" is not 32 bytes of base64\n$/);
    expect(result.stderr).not.toMatch(/c2hvcnQ=/);
  });

  it('stops on SIGTERM: says so, stops listening and exits 0', async () => {
    const part = startPartProcess('gateway/src/index.ts', { HAVEN_KEYS_DIR: keysDir, PORT: '0' });
    await waitFor(() => /"msg":"listening"/.test(part.run.stdout), 'the gateway to listen');
    const url = JSON.parse(part.run.stdout.split('\n').find((line) => line.includes('"listening"'))!).url as string;
    const live = await fetch(new URL('/health/live', url));
    expect(live.status).toBe(200);

    part.child.kill('SIGTERM');
    const result = await part.exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"msg":"stopping".*"signal":"SIGTERM"/);
    await expect(fetch(new URL('/health/live', url))).rejects.toThrow();
  });
});

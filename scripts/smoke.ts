/**
 * Smoke test of `npm start` (the last step of .ci/run): starts the whole stack exactly as `npm start` does —
 * scripts/start.mjs as a child — on a temporary data directory, an embedded PostgreSQL and free, non-default
 * ports (so it collides with nothing, not even a running `npm start`), then checks through the gateway as a
 * real client: the demo coordinator logs in and reads at least 60 organisations; the portal serves its login
 * page. Then it runs the portal's browser tests (web/e2e/, Playwright with Debian's Chromium) against the same
 * stack, so one start serves both — plus a second portal from the same build whose gateway address leads
 * nowhere (HAVEN_E2E_OFFLINE_PORTAL_URL), for the spec proving a failing backend gives a clear message, never
 * a blank page or a stack trace. Finally it stops the stack with SIGINT, as Ctrl-C would, and asserts that
 * every process the stack started is gone.
 *
 *   tsx scripts/smoke.ts                 (exit code 0 = passed)
 *   tsx scripts/smoke.ts --no-browser    the same without the browser tests (e.g. where Chromium is missing)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from './demo-network';
import { freePort } from './stack/ports';

const root = resolve(__dirname, '..');
const START_TIMEOUT_MS = 6 * 60_000;
const STOP_TIMEOUT_MS = 60_000;
const BROWSER_TESTS_TIMEOUT_MS = 15 * 60_000;
const CHROMIUM = process.env.HAVEN_E2E_CHROMIUM || '/usr/bin/chromium';
const COORDINATOR = 'coordinator@lcm-demo.example';

const log = (line: string) => process.stdout.write(`smoke: ${line}\n`);

function fail(message: string): never {
  throw new Error(message);
}

/** Every process below `pid` (from /proc), so the test can check that none outlives the stack. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

function alive(pid: number): boolean {
  try {
    // A zombie has an empty cmdline and no longer runs anything.
    return readFileSync(`/proc/${pid}/cmdline`).length > 0;
  } catch {
    return false;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '?';
  }
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (response.status !== 200 || body.errors?.length) {
    fail(`GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data!;
}

/**
 * The portal's Playwright suite (web/playwright.config.ts) against the stack this script started: the
 * addresses travel in HAVEN_E2E_PORTAL_URL / HAVEN_E2E_GATEWAY_URL. Its output goes straight to ours.
 */
async function runBrowserTests(portal: string, api: string, offlinePortal: string): Promise<void> {
  if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} for the browser tests: apt-get install -y chromium (or run with --no-browser)`);
  const started = Date.now();
  const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  const child = spawn(process.execPath, [cli, 'test', '-c', join(root, 'web', 'playwright.config.ts')], {
    cwd: root,
    env: { ...process.env, HAVEN_E2E_PORTAL_URL: portal, HAVEN_E2E_GATEWAY_URL: api, HAVEN_E2E_OFFLINE_PORTAL_URL: offlinePortal, HAVEN_E2E_CHROMIUM: CHROMIUM },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const how = await new Promise<string>((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done('timeout');
    }, BROWSER_TESTS_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  });
  if (how === 'timeout') fail(`the browser tests did not finish within ${BROWSER_TESTS_TIMEOUT_MS / 1000} s`);
  if (how !== 'exit code 0') fail(`the browser tests failed (${how})`);
  log(`browser tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The portal's production build served once more, on its own port, with a gateway address where nothing
 * listens (a port that was free a moment ago): every call it makes fails as it would with the gateway down.
 */
async function startOfflinePortal(): Promise<{ url: string; stop: () => Promise<void> }> {
  const [port, deadGatewayPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: join(root, 'web'),
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', HAVEN_GATEWAY_URL: `http://127.0.0.1:${deadGatewayPort}/graphql`, HAVEN_GATEWAY_TIMEOUT_MS: '2000' },
    stdio: 'ignore',
    detached: true, // its own process group: `next start` forks next-server, and both must stop
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${url}/login`)).status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  return fail('the portal without a gateway did not start within 20 s');
}

async function main(): Promise<void> {
  const browser = !process.argv.includes('--no-browser');
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-smoke-'));
  const ports: Record<string, number> = {};
  const parts = ['GATEWAY', 'IDENTITY', 'PARTNERS', 'CASES', 'CONSENT'];
  for (const name of ['PG', 'PORTAL', ...parts, ...parts.map((part) => `${part}_METRICS`)]) {
    let port = await freePort();
    while (Object.values(ports).includes(port)) port = await freePort();
    ports[name] = port;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, HAVEN_DATA_DIR: dataDir };
  delete env.DATABASE_URL; // the embedded default, as on a fresh clone
  for (const [name, port] of Object.entries(ports)) env[`HAVEN_${name}_PORT`] = String(port);
  log(`starting the stack (data in ${dataDir}; ports ${JSON.stringify(ports)})`);

  const stack = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((done) => stack.once('exit', (code, signal) => done(signal ? `signal ${signal}` : `exit code ${code}`)));
  let exitedHow: string | undefined;
  void exited.then((how) => (exitedHow = how));
  const banner = new Promise<{ portal: string; api: string }>((found, missing) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`  | ${line}\n`);
      const portal = /Portal:\s+(http\S+)/.exec(output)?.[1];
      const api = /GraphQL API:\s+(http\S+)/.exec(output)?.[1];
      if (portal && api && output.includes('Press Ctrl-C to stop.')) found({ portal, api });
    };
    stack.stdout.on('data', onData);
    stack.stderr.on('data', onData);
    void exited.then((how) => missing(new Error(`the stack stopped before it was ready (${how})`)));
    setTimeout(() => missing(new Error(`no addresses printed within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS).unref();
  });

  let processes: number[] = [];
  try {
    const { portal, api } = await banner;
    if (!api.endsWith(`:${ports.GATEWAY}/graphql`)) fail(`printed GraphQL address ${api} does not use HAVEN_GATEWAY_PORT ${ports.GATEWAY}`);
    if (!portal.endsWith(`:${ports.PORTAL}`)) fail(`printed portal address ${portal} does not use HAVEN_PORTAL_PORT ${ports.PORTAL}`);
    processes = descendants(stack.pid!);
    log(`stack ready: ${processes.length} processes; portal ${portal}, API ${api}`);

    const login = await graphql(api, 'mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { sessionToken } }', {
      email: COORDINATOR,
      password: DEMO_PASSWORD,
    });
    const token = (login.login as { sessionToken?: string } | undefined)?.sessionToken ?? fail('login returned no session token');
    log('demo coordinator logged in through the gateway');

    const read = await graphql(api, '{ organisations { id name } }', {}, token);
    const organisations = read.organisations as { id: string; name: string }[];
    if (!Array.isArray(organisations) || organisations.length < 60) fail(`expected at least 60 organisations, got ${organisations?.length}`);
    log(`coordinator reads ${organisations.length} organisations`);

    const anonymous = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ organisations { id } }' }) });
    const anonymousBody = (await anonymous.json()) as { data?: { organisations?: unknown[] } | null };
    if (anonymousBody.data?.organisations?.length) fail('an anonymous caller could read organisations');
    log('an anonymous caller cannot');

    const metrics = await fetch(`http://127.0.0.1:${ports.GATEWAY_METRICS}/metrics`);
    const exposition = await metrics.text();
    if (metrics.status !== 200 || !/^haven_http_requests_total\{.*route="\/graphql"/m.test(exposition)) {
      fail(`the gateway's metrics listener (HAVEN_GATEWAY_METRICS_PORT) answered HTTP ${metrics.status} without request counts`);
    }
    log('the gateway serves its metrics on its own port');

    const page = await fetch(`${portal.replace('localhost', '127.0.0.1')}/login`);
    const html = await page.text();
    if (page.status !== 200) fail(`portal /login answered HTTP ${page.status}`);
    if (!/<form/i.test(html)) fail('portal /login has no form');
    log('portal serves its login page');

    if (browser) {
      const offline = await startOfflinePortal();
      log(`running the browser tests (web/e2e) against this stack (and a portal without gateway at ${offline.url})`);
      try {
        await runBrowserTests(portal, api, offline.url);
      } finally {
        await offline.stop();
      }
    } else {
      log('browser tests skipped (--no-browser)');
    }
  } finally {
    if (processes.length === 0 && stack.pid) processes = descendants(stack.pid);
    if (!exitedHow) {
      log('stopping the stack with SIGINT');
      stack.kill('SIGINT');
      const how = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), STOP_TIMEOUT_MS))]);
      if (how === 'timeout') {
        stack.kill('SIGKILL');
        for (const pid of processes) if (alive(pid)) process.kill(pid, 'SIGKILL');
        fail(`the stack did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGINT`);
      }
      log(`stack exited (${how})`);
      if (how !== 'exit code 0') fail(`the stack should exit cleanly after SIGINT, but: ${how}`);
    }
    // Processes end right after their parent reports: give the last ones (next-server, postgres) a moment.
    const deadline = Date.now() + 5_000;
    while (processes.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const left = processes.filter(alive);
    if (left.length > 0) {
      const described = left.map((pid) => `${pid} ${commandOf(pid)}`).join('\n  ');
      for (const pid of left) process.kill(pid, 'SIGKILL');
      fail(`processes left running after the stack stopped:\n  ${described}`);
    }
    log(`all ${processes.length} processes are gone`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => {
    log('PASSED');
    process.exit(0);
  },
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createIdentityDb } from '@haven/identity/src/db';
import { createPartnersDb } from '@haven/partners/src/db';
import { testDatabase } from '@haven/kit/src/testing/db';
import { ensureKeyDirectory } from '@haven/kit/src/trust/keys';
import { startPart, waitUntilReady, type PartProcess } from '../../scripts/stack/part-process';
import { freePort } from '../../scripts/stack/ports';
import { TEST_PASSWORD, TEST_USERS } from '../support/fixtures';
import { seedStack } from '../support/seed-stack';

// OpenTelemetry, switched on by an OTLP endpoint: real part processes (tracing patches `http` as a process
// starts, which Jest's module sandbox cannot show) send their spans to a tiny OTLP/HTTP receiver, and one
// client request is one trace across the gateway, the subgraphs and the gateway's internal call to identity.

const root = resolve(__dirname, '..', '..');
jest.setTimeout(180_000);

interface Span {
  service: string;
  traceId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

const received: string[] = [];
let receiver: Server;
let workDir: string;
const parts: PartProcess[] = [];

/** The spans of every OTLP/HTTP JSON export received so far. */
function spans(): Span[] {
  const out: Span[] = [];
  for (const body of received) {
    for (const resourceSpans of JSON.parse(body).resourceSpans ?? []) {
      const service = resourceSpans.resource.attributes.find((a: { key: string }) => a.key === 'service.name')?.value.stringValue;
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          const attributes = Object.fromEntries(
            (span.attributes ?? []).map((a: { key: string; value: Record<string, unknown> }) => [a.key, Object.values(a.value)[0]]),
          );
          out.push({ service, traceId: span.traceId, name: span.name, kind: span.kind, attributes });
        }
      }
    }
  }
  return out;
}

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; services seen: ${[...new Set(spans().map((s) => s.service))].join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'haven-tracing-'));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && (req.headers['content-type'] ?? '').includes('json')) received.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const otlp = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const { appUrl } = testDatabase();
  const dbs = { identity: createIdentityDb(appUrl('identity'), 2), partners: createPartnersDb(appUrl('partners'), 2) };
  await seedStack(dbs, TEST_PASSWORD);
  await Promise.all([dbs.identity.$disconnect(), dbs.partners.$disconnect()]);

  const keysDir = join(workDir, 'keys');
  ensureKeyDirectory(keysDir);
  const [gatewayPort, identityPort, partnersPort] = [await freePort(), await freePort(), await freePort()];
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HAVEN_KEYS_DIR: keysDir,
    HOST: '127.0.0.1',
    IDENTITY_URL: url(identityPort),
    PARTNERS_URL: url(partnersPort),
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
    // Export within a fraction of a second instead of the default five.
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  delete env.DATABASE_URL;
  const start = (name: string, entry: string, extra: NodeJS.ProcessEnv, port: number) => {
    const part = startPart({ name, command: process.execPath, args: ['--import', 'tsx', join(root, entry)], cwd: root, env: { ...env, ...extra, PORT: String(port) }, logFile: join(workDir, `${name}.log`) });
    parts.push(part);
    return waitUntilReady(part, `http://127.0.0.1:${port}/health/ready`, 120_000);
  };
  await Promise.all([
    start('identity', 'services/identity/src/index.ts', { DATABASE_URL: appUrl('identity') }, identityPort),
    start('partners', 'services/partners/src/index.ts', { DATABASE_URL: appUrl('partners') }, partnersPort),
  ]);
  await start('gateway', 'gateway/src/index.ts', {}, gatewayPort);
  gatewayUrl = url(gatewayPort);
});

let gatewayUrl: string;

afterAll(async () => {
  await Promise.all(parts.map((part) => part.stop()));
  await new Promise((done) => receiver?.close(done));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function graphql(query: string, variables: Record<string, unknown>, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('tracing', () => {
  it('one client request is one trace across the gateway, the subgraphs it fetched from and its internal calls', async () => {
    const email = TEST_USERS.adminA.email;
    const login = await graphql('mutation SignIn($input: LoginInput!) { login(input: $input) { sessionToken } }', { input: { email, password: TEST_PASSWORD } });
    const token = login.data?.login?.sessionToken as string;
    expect(token).toBeTruthy();
    const read = await graphql('query MyOrganisation { me { activeOrganisation { id services { id } } } }', {}, token);
    expect(read.errors).toBeUndefined();

    const SERVER = 2;
    // The gateway's incoming span of the read: the one trace the whole request must share.
    const trace = await until('a trace with spans from the gateway, identity and partners', () => {
      const all = spans();
      for (const traceId of new Set(all.filter((s) => s.service === 'haven-gateway' && s.kind === SERVER).map((s) => s.traceId))) {
        const inTrace = all.filter((s) => s.traceId === traceId);
        const services = new Set(inTrace.map((s) => s.service));
        const sessionLookup = inTrace.some((s) => s.service === 'haven-identity' && s.kind === SERVER && String(s.attributes['http.target'] ?? s.attributes['url.path'] ?? '').includes('/internal/resolve-session'));
        if (services.has('haven-identity') && services.has('haven-partners') && sessionLookup) return inTrace;
      }
      return undefined;
    });
    expect(trace.filter((s) => s.service === 'haven-partners' && s.kind === SERVER).length).toBeGreaterThanOrEqual(1);

    // Spans carry routes and statuses, never what the caller sent.
    const everything = received.join('\n');
    expect(everything).not.toContain(email);
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain(token);
    // Probes are not traced.
    expect(spans().some((s) => String(s.attributes['http.target'] ?? '').startsWith('/health/'))).toBe(false);
  });

  it("spans keep neither a URL's query string (a GET operation's variables) nor the client's address", async () => {
    const marker = `trace-marker-${Date.now().toString(36)}`;
    const client = '198.51.100.77';
    const url = new URL(gatewayUrl);
    url.searchParams.set('query', 'query Probe { __typename }');
    url.searchParams.set('variables', JSON.stringify({ note: marker }));
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', 'x-forwarded-for': client } });
    expect(response.status).toBe(200);

    const SERVER = 2;
    const probe = await until('the gateway span of the GET', () =>
      spans().find((s) => s.service === 'haven-gateway' && s.kind === SERVER && (s.attributes['http.method'] ?? s.attributes['http.request.method']) === 'GET'),
    );
    expect(String(probe.attributes['http.target'] ?? probe.attributes['url.path'])).toBe('/graphql');
    const everything = received.join('\n');
    expect(everything).not.toContain(marker);
    expect(everything).not.toContain(client);
    const addressKeys = ['http.client_ip', 'client.address', 'net.peer.ip', 'network.peer.address'];
    expect(spans().flatMap((s) => Object.keys(s.attributes)).filter((key) => addressKeys.includes(key))).toEqual([]);
  });

  it('without an OTLP endpoint nothing of the OpenTelemetry SDK is loaded', () => {
    const script = [
      "const t = require('./services/kit/src/tracing/start-tracing');",
      "const started = t.startTracingIfConfigured('gateway', {});",
      "const loaded = Object.keys(require.cache).filter((k) => k.includes('@opentelemetry/sdk-') || k.includes('@opentelemetry/instrumentation'));",
      'process.stdout.write(JSON.stringify({ started, loaded }));',
    ].join('\n');
    const env = { ...process.env };
    delete env.OTEL_EXPORTER_OTLP_ENDPOINT;
    delete env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, env, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ started: false, loaded: [] });
  });
});

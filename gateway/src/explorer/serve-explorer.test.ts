import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { createMemoryLogger } from '@haven/kit/src/log';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { createGatewayServer } from '../server';

// The explorer is served by the gateway itself, from its own origin, with strict headers; when it is off,
// nothing answers under /explorer. No subgraph is needed: nothing here plans an operation.

const SUPERGRAPH = readFileSync(resolve(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
const NOWHERE = 'http://127.0.0.1:9/graphql';

async function startGateway(explorer: boolean): Promise<{ server: RunningServer; origin: string }> {
  const server = await createGatewayServer({
    supergraphSdl: SUPERGRAPH,
    subgraphUrls: { identity: NOWHERE, partners: NOWHERE, cases: NOWHERE, consent: NOWHERE },
    keys: partKeysFromSet(generateKeySet(), 'gateway'),
    log: createMemoryLogger(),
    introspection: true,
    explorer,
  }).listen(0, '127.0.0.1');
  return { server, origin: new URL(server.url).origin };
}

/** Every src= and href= in the page. */
const linksIn = (html: string) => [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

describe('API explorer switched on', () => {
  let gateway: { server: RunningServer; origin: string };
  let html: string;
  let page: Response;
  beforeAll(async () => {
    gateway = await startGateway(true);
    page = await fetch(`${gateway.origin}/explorer`);
    html = await page.text();
  }, 60_000);
  afterAll(() => gateway?.server.close());

  it('serves the page with a script policy of this origin only, no framing, no sniffing and no caching', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp.split(';').map((d) => d.trim()).filter((d) => d.startsWith('script-src'))).toEqual(["script-src 'self'"]);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('has no inline script and no URL outside this origin (works offline, no CDN)', () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const links = linksIn(html);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(link).toMatch(/^\/explorer\/assets\/[0-9a-f]{16}\/[\w.-]+$/);
  });

  it('serves every asset the page names, with its type and long-lived caching', async () => {
    for (const link of linksIn(html)) {
      const asset = await fetch(`${gateway.origin}${link}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(link.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it("serves Monaco's workers beside the script, where the script looks for them", async () => {
    const script = linksIn(html).find((link) => link.endsWith('/main.js'))!;
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      const response = await fetch(`${gateway.origin}${script.replace('main.js', worker)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
  });

  it('answers 404 to an unknown asset, another version, a path escape and anything else under /explorer', async () => {
    const script = linksIn(html).find((link) => link.endsWith('/main.js'))!;
    for (const path of [
      script.replace('main.js', 'nothing.js'),
      script.replace(/[0-9a-f]{16}/, '0000000000000000'),
      script.replace('main.js', '..%2F..%2Fpackage.json'),
      '/explorer/assets/../../package.json',
      '/explorer/other',
    ]) {
      const response = await fetch(`${gateway.origin}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    const head = await fetch(`${gateway.origin}/explorer`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await fetch(`${gateway.origin}/explorer`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect((await post.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it("no longer serves Apollo's CDN-loaded landing page at /graphql, even with introspection on", async () => {
    const response = await fetch(`${gateway.origin}/graphql`, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(text).not.toMatch(/apollographql\.com|<html/i);
  });
});

describe('API explorer switched off', () => {
  let gateway: { server: RunningServer; origin: string };
  beforeAll(async () => {
    gateway = await startGateway(false);
  });
  afterAll(() => gateway?.server.close());

  it('answers 404 for the page and for its assets', async () => {
    for (const path of ['/explorer', '/explorer/assets/0000000000000000/main.js']) {
      const response = await fetch(`${gateway.origin}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});

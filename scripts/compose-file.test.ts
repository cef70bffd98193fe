import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * What docker-compose.yml promises operations (issue 7), checked on the file itself: nothing reachable from
 * outside but the portal and the gateway, the database and the subgraphs on an internal network, a health
 * check on every long-running part, secrets only from the environment. (CI also renders it with
 * `docker-compose config`, which checks that it is valid and refuses to render without the secrets.)
 */
interface ComposeService {
  ports?: unknown[];
  networks?: string[] | Record<string, { ipv4_address?: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  environment?: Record<string, string>;
  command?: string[];
}

const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
};
const services = compose.services;
const SUBGRAPHS = ['identity', 'partners', 'cases', 'consent'];

describe('docker-compose.yml', () => {
  it('has the database, the migration step, four subgraphs, the gateway and the portal', () => {
    expect(Object.keys(services).sort()).toEqual(['cases', 'consent', 'gateway', 'identity', 'migrate', 'partners', 'portal', 'portal-proxy', 'postgres']);
  });

  it('publishes ports for the portal (through its proxy) and the gateway only', () => {
    const published = Object.entries(services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['gateway', 'portal-proxy']);
    expect(services.gateway!.ports).toEqual(['${HAVEN_GATEWAY_PUBLISH:-4000}:4000']);
    expect(services['portal-proxy']!.ports).toEqual(['${HAVEN_PORTAL_PUBLISH:-3000}:8080']);
  });

  it("lets the gateway trust X-Forwarded-For from the portal's fixed address only, and the proxy overwrites that header", () => {
    const portalAddress = (services.portal!.networks as Record<string, { ipv4_address?: string }>).edge!.ipv4_address;
    expect(portalAddress).toMatch(/^172\.28\.0\.\d+$/);
    expect(services.gateway!.environment!.HAVEN_TRUSTED_PROXIES).toBe(portalAddress);
    const proxyConf = readFileSync(join(__dirname, '..', 'deploy', 'portal-proxy.conf'), 'utf8');
    expect(proxyConf).toMatch(/^\s*proxy_pass http:\/\/portal:3000;/m);
    expect(proxyConf).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;/m);
    // Appending would keep a browser-chosen address in the header.
    expect(proxyConf).not.toMatch(/^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for/m);
  });

  it('keeps the database and the subgraphs on an internal network the portal is not on', () => {
    expect(compose.networks.backend).toEqual({ internal: true });
    for (const name of ['postgres', 'migrate', 'partners', 'cases', 'consent']) expect(services[name]!.networks).toEqual(['backend']);
    // identity alone gets a route out, to the mail relay; nothing is published on that network.
    expect(services.identity!.networks).toEqual(['backend', 'outbound']);
    expect(compose.networks.outbound).toEqual({});
    expect(services.gateway!.networks).toEqual(['backend', 'edge']);
    expect(Object.keys(services.portal!.networks!)).toEqual(['edge']);
    expect(services['portal-proxy']!.networks).toEqual(['edge']);
  });

  it('gives every long-running part a health check (the readiness endpoint for Haven parts)', () => {
    for (const [name, service] of Object.entries(services)) {
      if (name === 'migrate') {
        expect(service.restart).toBe('no');
        continue;
      }
      expect(service.healthcheck?.test).toBeDefined();
    }
    for (const name of [...SUBGRAPHS, 'gateway']) expect(services[name]!.healthcheck!.test.join(' ')).toMatch(/\/health\/ready/);
  });

  it('runs every Haven part in production mode', () => {
    for (const name of [...SUBGRAPHS, 'gateway', 'portal', 'migrate']) expect(services[name]!.environment?.NODE_ENV).toBe('production');
  });

  it('takes every password and key from the environment, with no default', () => {
    const text = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');
    for (const secret of ['POSTGRES_PASSWORD', 'HAVEN_DB_PASSWORD_IDENTITY', 'HAVEN_DB_PASSWORD_PARTNERS', 'HAVEN_DB_PASSWORD_CASES', 'HAVEN_DB_PASSWORD_CONSENT', 'HAVEN_VAULT_KEYS', 'HAVEN_SMTP_URL']) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}(:?[-?])?`, 'g'))];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use[1]).toBe(':?');
    }
    // No setting whose name holds PASSWORD may have a literal value.
    expect(text).not.toMatch(/^\s*[A-Z_]*PASSWORD[A-Z_]*:\s*[^$\s]/m);
  });
});

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
  networks?: string[];
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
    expect(Object.keys(services).sort()).toEqual(['cases', 'consent', 'gateway', 'identity', 'migrate', 'partners', 'portal', 'postgres']);
  });

  it('publishes ports for the portal and the gateway only', () => {
    const published = Object.entries(services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['gateway', 'portal']);
    expect(services.gateway!.ports).toEqual(['${HAVEN_GATEWAY_PUBLISH:-4000}:4000']);
    expect(services.portal!.ports).toEqual(['${HAVEN_PORTAL_PUBLISH:-3000}:3000']);
  });

  it('keeps the database and the subgraphs on an internal network the portal is not on', () => {
    expect(compose.networks.backend).toEqual({ internal: true });
    for (const name of ['postgres', 'migrate', ...SUBGRAPHS]) expect(services[name]!.networks).toEqual(['backend']);
    expect(services.gateway!.networks).toEqual(['backend', 'edge']);
    expect(services.portal!.networks).toEqual(['edge']);
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
    for (const secret of ['POSTGRES_PASSWORD', 'HAVEN_DB_PASSWORD_IDENTITY', 'HAVEN_DB_PASSWORD_PARTNERS', 'HAVEN_DB_PASSWORD_CASES', 'HAVEN_DB_PASSWORD_CONSENT', 'HAVEN_VAULT_KEYS']) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}(:?[-?])?`, 'g'))];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(use[1]).toBe(':?');
    }
    // No setting whose name holds PASSWORD may have a literal value.
    expect(text).not.toMatch(/^\s*[A-Z_]*PASSWORD[A-Z_]*:\s*[^$\s]/m);
  });
});

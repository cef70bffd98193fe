/**
 * The whole of Haven on one machine (what `npm start` runs after scripts/start.mjs made the clone ready):
 * embedded PostgreSQL (unless DATABASE_URL is set), migrations, app roles, the demo network on an empty
 * database, the four subgraphs, the gateway and the portal; then the addresses and demo accounts.
 * Ctrl-C or SIGTERM stops all of it.
 *
 * Settings (environment): HAVEN_DATA_DIR (default .haven), DATABASE_URL (an existing server's admin URL
 * instead of the embedded one), HAVEN_PG_PORT (54329), HAVEN_PORTAL_PORT (3000), HAVEN_GATEWAY_PORT (4000),
 * HAVEN_IDENTITY_PORT … HAVEN_CONSENT_PORT (4001–4004), HAVEN_HOST (127.0.0.1: the bind address of every part),
 * HAVEN_MAIL_DIR (<data dir>/mail: outgoing mail is written there, not sent),
 * HAVEN_GATEWAY_METRICS_PORT (9400), HAVEN_IDENTITY_METRICS_PORT … HAVEN_CONSENT_METRICS_PORT (9401–9404): each part's
 * Prometheus metrics (GET /metrics), always on 127.0.0.1 whatever HAVEN_HOST says.
 *
 * Database roles: each subgraph connects as its own role (haven_identity …) with its own password, generated
 * once into <data>/db-passwords.json (0600) and set by the migration step on every start; a part is given only
 * its own role's URL, never the admin URL.
 *
 * Logs: each part writes JSON lines to <data>/logs/<part>.log and this script prints only a summary. Six
 * processes interleaving JSON on one terminal bury the one thing a person starting the demo needs — the
 * addresses and accounts — and the files can be followed (`tail -f .haven/logs/gateway.log`) or fed to jq.
 * When a part fails to start or dies, the last lines of its log are printed.
 */
import { chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ensureKeyRingFile } from '@haven/kit/src/crypto/key-ring';
import { appDatabaseUrl } from '@haven/kit/src/db/app-roles';
import { startEmbeddedPostgres, DEFAULT_EMBEDDED_PORT } from '@haven/kit/src/db/embedded';
import { postgresPid, stopPostgresServer } from '@haven/kit/src/db/postgres-process';
import { migrateAll } from '@haven/kit/src/db/migrate-all';
import { redactUrl } from '@haven/kit/src/db/pg-url';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import { ensureKeyDirectory, loadPartKeys } from '@haven/kit/src/trust/keys';
import { buildDemoNetwork, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-network';
import { assertPortFree } from './stack/ports';
import { startPart, waitUntilReady, type PartProcess } from './stack/part-process';
import { seedDemoNetwork } from './stack/seed';
import { claimDataDir, partsFile, recordParts, stopLeftoverParts } from './stack/data-dir';
import { loadDbPasswords } from './stack/db-passwords';

const root = resolve(__dirname, '..');
const dev = process.argv.includes('--dev');
const say = (line = '') => process.stdout.write(`${line}\n`);
/** Paths inside the repository are shown relative to it, others as they are. */
const shown = (path: string) => (path.startsWith(root + '/') ? relative(root, path) : path);

const SUBGRAPH_PORTS: Record<SubgraphName, number> = { identity: 4001, partners: 4002, cases: 4003, consent: 4004 };
const METRICS_PORTS: Record<SubgraphName | 'gateway', number> = { gateway: 9400, identity: 9401, partners: 9402, cases: 9403, consent: 9404 };
const METRICS_PARTS = ['gateway', ...SUBGRAPHS] as const;
const metricsPortEnv = (part: string) => `HAVEN_${part.toUpperCase()}_METRICS_PORT`;

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1–65535), not "${raw}".`);
  return port;
}

async function main(): Promise<void> {
  const dataDir = resolve(root, process.env.HAVEN_DATA_DIR || '.haven');
  const host = process.env.HAVEN_HOST || '127.0.0.1';
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  // Where this script and the parts reach each other: the bind address, or loopback when bound to all.
  const local = host === '0.0.0.0' ? '127.0.0.1' : host;
  const ports = {
    portal: portFromEnv('HAVEN_PORTAL_PORT', 3000),
    gateway: portFromEnv('HAVEN_GATEWAY_PORT', 4000),
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s, portFromEnv(`HAVEN_${s.toUpperCase()}_PORT`, SUBGRAPH_PORTS[s])])),
    postgres: portFromEnv('HAVEN_PG_PORT', DEFAULT_EMBEDDED_PORT),
  } as Record<SubgraphName | 'portal' | 'gateway' | 'postgres', number>;
  const metricsPorts = Object.fromEntries(METRICS_PARTS.map((part) => [part, portFromEnv(metricsPortEnv(part), METRICS_PORTS[part])])) as Record<
    SubgraphName | 'gateway',
    number
  >;
  // Metrics stay on loopback even when the parts listen on every address (HAVEN_HOST=0.0.0.0).
  const metricsEnv = (part: SubgraphName | 'gateway') => ({ HAVEN_METRICS_PORT: String(metricsPorts[part]), HAVEN_METRICS_HOST: '127.0.0.1' });

  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  // As root, embedded PostgreSQL runs as the `postgres` system user, which must be able to pass through the
  // data directory to reach pg/ (its own, mode 0700). Traverse only: no listing, keys and password stay 0600/0700.
  chmodSync(dataDir, statSync(dataDir).mode | 0o011);
  const releaseDataDir = claimDataDir(dataDir);
  const parts: PartProcess[] = [];
  let stopDatabase: () => Promise<void> = async () => undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (why: string, code: number) => {
    stopping ??= (async () => {
      say(`\nStopping Haven (${why}) …`);
      // Front to back (portal, gateway, then the subgraphs together): nothing accepts a request that the parts
      // behind it can no longer serve.
      const tier = (part: PartProcess) => (part.name === 'portal' ? 0 : part.name === 'gateway' ? 1 : 2);
      for (const t of [0, 1, 2]) await Promise.all(parts.filter((part) => tier(part) === t).map((part) => part.stop()));
      await stopDatabase().catch((error: unknown) => say(`  could not stop PostgreSQL cleanly: ${String(error)}`));
      rmSync(partsFile(dataDir), { force: true });
      releaseDataDir();
      say('Stopped.');
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal, 0));

  try {
    // Whatever an earlier run that was killed outright left behind is ours (run.pid says no other run is live).
    await stopLeftoverParts(dataDir);
    const leftoverPostgres = postgresPid(join(dataDir, 'pg'));
    if (leftoverPostgres !== undefined) {
      say(`Stopping PostgreSQL left running by an earlier run (process ${leftoverPostgres}) …`);
      await stopPostgresServer(join(dataDir, 'pg'));
    }
    for (const [what, envName, port] of [
      ['portal', 'HAVEN_PORTAL_PORT', ports.portal],
      ['gateway', 'HAVEN_GATEWAY_PORT', ports.gateway],
      ...SUBGRAPHS.map((s) => [`${s} subgraph`, `HAVEN_${s.toUpperCase()}_PORT`, ports[s]] as const),
    ] as const) {
      await assertPortFree(port, host, what, envName);
    }
    for (const part of METRICS_PARTS) await assertPortFree(metricsPorts[part], '127.0.0.1', `${part} metrics`, metricsPortEnv(part));

    const keysDir = join(dataDir, 'keys');
    ensureKeyDirectory(keysDir);

    let adminUrl: string;
    let databaseLabel: string;
    if (process.env.DATABASE_URL) {
      adminUrl = process.env.DATABASE_URL;
      databaseLabel = redactUrl(adminUrl);
    } else {
      const pgDir = join(dataDir, 'pg');
      await assertPortFree(ports.postgres, '127.0.0.1', 'embedded PostgreSQL', 'HAVEN_PG_PORT');
      say(`Starting embedded PostgreSQL on 127.0.0.1:${ports.postgres} …`);
      const pgLog = join(dataDir, 'logs', 'postgres.log');
      // Set before the start (from the pid file): a Ctrl-C while PostgreSQL starts must still stop it.
      stopDatabase = async () => void (await stopPostgresServer(pgDir));
      // The kit leaves shutdown to us (it removes the package's own signal hooks), so the database stops last.
      const embedded = await startEmbeddedPostgres({
        dataDir: pgDir,
        port: ports.postgres,
        onLog: (message) => writeFileSync(pgLog, message.endsWith('\n') ? message : message + '\n', { flag: 'a', mode: 0o600 }),
      });
      stopDatabase = embedded.stop;
      adminUrl = embedded.adminUrl;
      databaseLabel = `embedded PostgreSQL on 127.0.0.1:${ports.postgres} (data in ${shown(pgDir)})`;
    }

    say('Migrating …');
    // One password per service role; each part gets only its own role's URL.
    const passwords = loadDbPasswords(dataDir);
    const migrated = await migrateAll({
      adminUrl,
      appPasswords: passwords,
      log: { info: () => undefined, warn: (message, fields) => say(`  warning: ${message} ${JSON.stringify(fields ?? {})}`) },
    });
    const applied = migrated.reduce((n, r) => n + r.applied.length, 0);
    if (applied > 0) say(`  applied ${applied} migration(s)`);
    const appUrl = (service: SubgraphName) => appDatabaseUrl(adminUrl, service, passwords[service]);

    // The vault's key ring: generated once into the data directory, given to the cases service only — and
    // made before the seed, which seals the demo cases' personal data with it.
    const vaultKeys = ensureKeyRingFile(join(dataDir, 'vault-keys'));
    const seed = await seedDemoNetwork(
      { identity: appUrl('identity'), partners: appUrl('partners'), cases: appUrl('cases'), consent: appUrl('consent') },
      { vaultKeys, identityKey: loadPartKeys('identity', keysDir).privateKey },
    );
    if (seed.seeded) say(`  seeded the demo network: ${seed.organisations} organisations, ${seed.services} services`);
    if (seed.casesSeeded) say(`  seeded ${seed.cases} demo cases`);

    const graphqlUrl = (port: number) => `http://${local}:${port}/graphql`;
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, HAVEN_KEYS_DIR: keysDir, HOST: host };
    // The admin URL is for migrations only: no part ever sees it.
    delete baseEnv.DATABASE_URL;
    const subgraphUrls = {
      IDENTITY_URL: graphqlUrl(ports.identity),
      PARTNERS_URL: graphqlUrl(ports.partners),
      CASES_URL: graphqlUrl(ports.cases),
      CONSENT_URL: graphqlUrl(ports.consent),
    };
    // The demo sends no mail: identity writes it to a folder (unless HAVEN_SMTP_URL says otherwise) and the portal
    // shows that folder to network admins at /admin/mail. Links in mails point at this portal.
    const mailDir = process.env.HAVEN_MAIL_DIR || join(dataDir, 'mail');
    const portalUrl = `http://${shownHost}:${ports.portal}`;
    const serviceSecrets: Partial<Record<SubgraphName, NodeJS.ProcessEnv>> = {
      cases: { HAVEN_VAULT_KEYS: vaultKeys },
      identity: { HAVEN_MAIL_DIR: mailDir, HAVEN_PORTAL_URL: process.env.HAVEN_PORTAL_URL || portalUrl },
    };
    const logFile = (part: string) => join(dataDir, 'logs', `${part}.log`);
    const tsx = ['--import', 'tsx'];

    const launch = async (name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, readyUrl: string, timeoutMs: number) => {
      const part = startPart({ name, command, args, cwd, env, logFile: logFile(name) });
      parts.push(part);
      recordParts(dataDir, parts);
      await waitUntilReady(part, readyUrl, timeoutMs);
      say(`  ${name.padEnd(9)} ready`);
      // From now on a part that dies takes the others down with it (while starting, waitUntilReady reports it).
      void part.exited.then((how) => {
        if (stopping) return;
        say(`\n${name} stopped unexpectedly (${how}). Last lines of ${part.logFile}:\n${part.tail()}`);
        void shutdown(`${name} stopped`, 1);
      });
    };

    say('Starting the subgraphs …');
    await Promise.all(
      SUBGRAPHS.map((service) =>
        launch(
          service,
          process.execPath,
          [...tsx, join(root, 'services', service, 'src', 'index.ts')],
          root,
          { ...baseEnv, ...subgraphUrls, ...serviceSecrets[service], ...metricsEnv(service), DATABASE_URL: appUrl(service), PORT: String(ports[service]) },
          `http://${local}:${ports[service]}/health/ready`,
          60_000,
        ),
      ),
    );
    await launch(
      'gateway',
      process.execPath,
      [...tsx, join(root, 'gateway', 'src', 'index.ts')],
      root,
      { ...baseEnv, ...subgraphUrls, ...metricsEnv('gateway'), PORT: String(ports.gateway) },
      `http://${local}:${ports.gateway}/health/ready`,
      60_000,
    );
    await launch(
      'portal',
      process.execPath,
      [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), dev ? 'dev' : 'start', '--port', String(ports.portal), '--hostname', host],
      join(root, 'web'),
      // `next start` serves a production build and must run with NODE_ENV=production (`next dev` sets its own).
      {
        ...baseEnv,
        HAVEN_GATEWAY_URL: graphqlUrl(ports.gateway),
        HAVEN_MAIL_DIR: mailDir,
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: dev ? undefined : 'production',
      },
      `http://${local}:${ports.portal}/`,
      dev ? 180_000 : 60_000,
    );

    const logsDir = shown(join(dataDir, 'logs'));
    say('');
    say('Haven is running.');
    say(`  Portal:       http://${shownHost}:${ports.portal}`);
    say(`  GraphQL API:  http://${shownHost}:${ports.gateway}/graphql`);
    say(`  Subgraphs:    ${SUBGRAPHS.map((s) => `${s} ${ports[s]}`).join(', ')} (only the gateway may call them)`);
    say(`  Metrics:      ${METRICS_PARTS.map((part) => `${part} ${metricsPorts[part]}`).join(', ')} (127.0.0.1, GET /metrics)`);
    say(`  Database:     ${databaseLabel}`);
    say(`  Logs:         ${logsDir}/<part>.log`);
    say(`  Mail:         ${shown(mailDir)} (not sent; network admins read it at ${portalUrl}/admin/mail)`);
    say('');
    if (seed.demoPresent) {
      const accounts = buildDemoNetwork().accounts;
      const width = Math.max(...accounts.map((a) => a.email.length));
      say(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
      for (const account of accounts) say(`  ${account.email.padEnd(width)}  ${account.what}`);
      say(`Network admin and auditor sign in with a code too (TOTP secret for an authenticator app: ${DEMO_TOTP_SECRET}).`);
    } else {
      say('The database holds data other than the demo network: no demo accounts.');
    }
    say('');
    say('Press Ctrl-C to stop.');
  } catch (error) {
    say(`\nHaven could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('start-up failed', 1);
  }
}

main().catch((error: unknown) => {
  say(`Haven could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

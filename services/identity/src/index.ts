// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadIdentityConfig, sessionSettingsFrom } from './config';
import { createIdentityDb } from './db';
import { startIdentityJobs } from './mail-jobs';
import { createIdentityServer } from './server';

void runSubgraph({
  name: 'identity',
  loadConfig: loadIdentityConfig,
  createDb: createIdentityDb,
  createServer: (deps, config) =>
    createIdentityServer({ ...deps, sessions: sessionSettingsFrom(config), accountMail: { portalUrl: config.HAVEN_PORTAL_URL } }),
  startBackground: (deps, config) =>
    startIdentityJobs({ db: deps.db, log: deps.log, config, intervalMs: config.HAVEN_MAIL_INTERVAL_SECONDS * 1000 }),
});

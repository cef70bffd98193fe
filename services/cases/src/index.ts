// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { parseKeyRing } from '@haven/kit/src/crypto/key-ring';
import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadCasesConfig } from './config';
import { createCasesDb } from './db';
import { startCasesJobs } from './jobs';
import { createCasesServer } from './server';

void runSubgraph({
  name: 'cases',
  loadConfig: loadCasesConfig,
  createDb: createCasesDb,
  createServer: (deps, config) =>
    createCasesServer({
      ...deps,
      settings: {
        keyRing: parseKeyRing(config.HAVEN_VAULT_KEYS, 'HAVEN_VAULT_KEYS'),
        partnersUrl: config.PARTNERS_URL,
        identityUrl: config.IDENTITY_URL,
        consentUrl: config.CONSENT_URL,
        emergencyAccessHours: config.HAVEN_EMERGENCY_ACCESS_HOURS,
        deadlineHours: {
          IMMEDIATE: config.HAVEN_DEADLINE_IMMEDIATE_HOURS,
          URGENT: config.HAVEN_DEADLINE_URGENT_HOURS,
          STANDARD: config.HAVEN_DEADLINE_STANDARD_HOURS,
        },
      },
    }),
  startBackground: (deps, config) =>
    startCasesJobs({
      db: deps.db,
      keys: deps.keys,
      partnersUrl: config.PARTNERS_URL,
      log: deps.log,
      intervalMs: config.HAVEN_JOB_INTERVAL_SECONDS * 1000,
    }),
});

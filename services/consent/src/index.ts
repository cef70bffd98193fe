// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadConsentConfig } from './config';
import { createConsentDb } from './db';
import { createConsentServer } from './server';

void runSubgraph({
  name: 'consent',
  loadConfig: loadConsentConfig,
  createDb: createConsentDb,
  createServer: (deps, config) => createConsentServer({ ...deps, settings: { casesUrl: config.CASES_URL } }),
});

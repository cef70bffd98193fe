// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadIdentityConfig, sessionSettingsFrom } from './config';
import { createIdentityDb } from './db';
import { createIdentityServer } from './server';

void runSubgraph({
  name: 'identity',
  loadConfig: loadIdentityConfig,
  createDb: createIdentityDb,
  createServer: (deps, config) => createIdentityServer({ ...deps, sessions: sessionSettingsFrom(config) }),
});

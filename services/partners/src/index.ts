// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { runSubgraph } from '@haven/kit/src/http/run-service';
import { loadPartnersConfig } from './config';
import { createPartnersDb } from './db';
import { createPartnersServer } from './server';

void runSubgraph({
  name: 'partners',
  loadConfig: loadPartnersConfig,
  createDb: createPartnersDb,
  createServer: (deps, config) => createPartnersServer({ ...deps, capacityStaleDays: config.HAVEN_CAPACITY_STALE_DAYS }),
});

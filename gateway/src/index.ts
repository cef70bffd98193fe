// Keep first: starts OpenTelemetry (when configured) before anything else loads http.
import './tracing';
import { readFileSync } from 'node:fs';
import { introspectionEnabled } from '@haven/kit/src/config';
import { partMetricsFrom, runService, startPart } from '@haven/kit/src/http/run-service';
import { createLogger } from '@haven/kit/src/log';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { explorerEnabled, loadGatewayConfig, queryLimitsFrom, rateLimitsFrom, subgraphUrlsFrom } from './config';
import { createGatewayServer } from './server';

startPart('gateway', async () => {
  const config = loadGatewayConfig();
  const metrics = partMetricsFrom('gateway', config);
  const server = createGatewayServer({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: subgraphUrlsFrom(config),
    keys: loadPartKeys('gateway', config.HAVEN_KEYS_DIR),
    log: createLogger({ service: 'gateway' }),
    introspection: introspectionEnabled(config),
    explorer: explorerEnabled(config),
    queryLimits: queryLimitsFrom(config),
    rateLimits: rateLimitsFrom(config),
    trustedProxies: config.HAVEN_TRUSTED_PROXIES,
    metrics: metrics?.metrics,
  });
  await runService({ name: 'gateway', server, port: config.PORT, host: config.HOST, metrics });
});

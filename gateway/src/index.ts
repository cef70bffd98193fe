import { readFileSync } from 'node:fs';
import { introspectionEnabled } from '@haven/kit/src/config';
import { runService, startPart } from '@haven/kit/src/http/run-service';
import { createLogger } from '@haven/kit/src/log';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { loadGatewayConfig, queryLimitsFrom, subgraphUrlsFrom } from './config';
import { createGatewayServer } from './server';

startPart('gateway', async () => {
  const config = loadGatewayConfig();
  const server = createGatewayServer({
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: subgraphUrlsFrom(config),
    keys: loadPartKeys('gateway', config.HAVEN_KEYS_DIR),
    log: createLogger({ service: 'gateway' }),
    introspection: introspectionEnabled(config),
    queryLimits: queryLimitsFrom(config),
  });
  await runService({ name: 'gateway', server, port: config.PORT, host: config.HOST });
});

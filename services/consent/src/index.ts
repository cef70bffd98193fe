import { createLogger } from '@haven/kit/src/log';
import { runService } from '@haven/kit/src/http/run-service';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { introspectionEnabled } from '@haven/kit/src/config';
import { loadConsentConfig } from './config';
import { createConsentDb } from './db';
import { createConsentServer } from './server';

const config = loadConsentConfig();
const db = createConsentDb(config.DATABASE_URL, config.DB_POOL_MAX);
const server = createConsentServer({
  db,
  keys: loadPartKeys('consent', config.HAVEN_KEYS_DIR),
  log: createLogger({ service: 'consent' }),
  introspection: introspectionEnabled(config),
});
void runService({ name: 'consent', server, port: config.PORT, host: config.HOST, onStop: () => db.$disconnect() });

import { createLogger } from '@haven/kit/src/log';
import { runService } from '@haven/kit/src/http/run-service';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { introspectionEnabled } from '@haven/kit/src/config';
import { loadCasesConfig } from './config';
import { createCasesDb } from './db';
import { createCasesServer } from './server';

const config = loadCasesConfig();
const db = createCasesDb(config.DATABASE_URL, config.DB_POOL_MAX);
const server = createCasesServer({
  db,
  keys: loadPartKeys('cases', config.HAVEN_KEYS_DIR),
  log: createLogger({ service: 'cases' }),
  introspection: introspectionEnabled(config),
});
void runService({ name: 'cases', server, port: config.PORT, host: config.HOST, onStop: () => db.$disconnect() });

import { createLogger } from '@haven/kit/src/log';
import { runService } from '@haven/kit/src/http/run-service';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { introspectionEnabled } from '@haven/kit/src/config';
import { loadIdentityConfig, sessionSettingsFrom } from './config';
import { createIdentityDb } from './db';
import { createIdentityServer } from './server';

const config = loadIdentityConfig();
const db = createIdentityDb(config.DATABASE_URL, config.DB_POOL_MAX);
const server = createIdentityServer({
  db,
  keys: loadPartKeys('identity', config.HAVEN_KEYS_DIR),
  log: createLogger({ service: 'identity' }),
  introspection: introspectionEnabled(config),
  sessions: sessionSettingsFrom(config),
});
void runService({ name: 'identity', server, port: config.PORT, host: config.HOST, onStop: () => db.$disconnect() });

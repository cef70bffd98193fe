import { createLogger } from '@haven/kit/src/log';
import { runService } from '@haven/kit/src/http/run-service';
import { loadPartKeys } from '@haven/kit/src/trust/keys';
import { introspectionEnabled } from '@haven/kit/src/config';
import { loadPartnersConfig } from './config';
import { createPartnersDb } from './db';
import { createPartnersServer } from './server';

const config = loadPartnersConfig();
const db = createPartnersDb(config.DATABASE_URL, config.DB_POOL_MAX);
const server = createPartnersServer({
  db,
  keys: loadPartKeys('partners', config.HAVEN_KEYS_DIR),
  log: createLogger({ service: 'partners' }),
  introspection: introspectionEnabled(config),
});
void runService({ name: 'partners', server, port: config.PORT, host: config.HOST, onStop: () => db.$disconnect() });

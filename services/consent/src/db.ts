import { listenToQueries, queryEventOptions, serviceAdapter, type DbOptions } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type ConsentDb = PrismaClient;

export function createConsentDb(databaseUrl: string, poolMax?: number, options: DbOptions = {}): ConsentDb {
  return listenToQueries(new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'consent', poolMax, options), ...queryEventOptions(options) }), options);
}

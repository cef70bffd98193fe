import { listenToQueries, queryEventOptions, serviceAdapter, type DbOptions } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type PartnersDb = PrismaClient;

export function createPartnersDb(databaseUrl: string, poolMax?: number, options: DbOptions = {}): PartnersDb {
  return listenToQueries(new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'partners', poolMax, options), ...queryEventOptions(options) }), options);
}

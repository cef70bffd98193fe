import { listenToQueries, queryEventOptions, serviceAdapter, type DbOptions } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type CasesDb = PrismaClient;

export function createCasesDb(databaseUrl: string, poolMax?: number, options: DbOptions = {}): CasesDb {
  return listenToQueries(new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'cases', poolMax, options), ...queryEventOptions(options) }), options);
}

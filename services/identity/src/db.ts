import { listenToQueries, queryEventOptions, serviceAdapter, type DbOptions } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type IdentityDb = PrismaClient;

/** The PostgreSQL schema (namespace) the identity tables live in; raw SQL must qualify with it. */
export const IDENTITY_SCHEMA = 'identity';

export function createIdentityDb(databaseUrl: string, poolMax?: number, options: DbOptions = {}): IdentityDb {
  return listenToQueries(new PrismaClient({ adapter: serviceAdapter(databaseUrl, IDENTITY_SCHEMA, poolMax, options), ...queryEventOptions(options) }), options);
}

import { serviceAdapter } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type IdentityDb = PrismaClient;

/** The PostgreSQL schema (namespace) the identity tables live in; raw SQL must qualify with it. */
export const IDENTITY_SCHEMA = 'identity';

export function createIdentityDb(databaseUrl: string, poolMax?: number): IdentityDb {
  return new PrismaClient({ adapter: serviceAdapter(databaseUrl, IDENTITY_SCHEMA, poolMax) });
}

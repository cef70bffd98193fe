import { serviceAdapter } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type ConsentDb = PrismaClient;

export function createConsentDb(databaseUrl: string, poolMax?: number): ConsentDb {
  return new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'consent', poolMax) });
}

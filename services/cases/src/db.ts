import { serviceAdapter } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type CasesDb = PrismaClient;

export function createCasesDb(databaseUrl: string, poolMax?: number): CasesDb {
  return new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'cases', poolMax) });
}

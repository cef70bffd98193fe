import { serviceAdapter } from '@haven/kit/src/db/prisma';
import { PrismaClient } from './generated/prisma/client';

export type PartnersDb = PrismaClient;

export function createPartnersDb(databaseUrl: string, poolMax?: number): PartnersDb {
  return new PrismaClient({ adapter: serviceAdapter(databaseUrl, 'partners', poolMax) });
}

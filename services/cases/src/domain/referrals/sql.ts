import { Prisma } from '../../generated/prisma/client';

// Raw SQL is not qualified by the adapter's schema option (only Prisma's own queries are), so raw
// statements name their tables in full.
const table = (name: string) => Prisma.raw(`"cases"."${name}"`);

export const CASE = table('Case');
export const REFERRAL = table('Referral');

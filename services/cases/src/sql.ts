import { Prisma } from './generated/prisma/client';
import type { CaseStatus, Urgency } from './generated/prisma/enums';

// Raw SQL is not qualified by the adapter's schema option (only Prisma's own queries are), so raw
// statements name their tables (and enum types) in full. One list for the whole service.
const qualified = (name: string) => Prisma.raw(`"cases"."${name}"`);

export const CASE = qualified('Case');
export const REFERRAL = qualified('Referral');
export const MESSAGE = qualified('Message');
export const MESSAGE_READ = qualified('MessageRead');
export const IDEMPOTENCY_RECORD = qualified('IdempotencyRecord');
export const THREAD_SIDE = qualified('ThreadSide');

/**
 * Locks a case row for the rest of the transaction and reads what the lockers decide on; null when there is
 * no such case. FOR UPDATE serialises what changes the case or its set of referrals (sending, accepting,
 * closing, hand-over); FOR SHARE lets additions that only need it to stay open (a message, an emergency
 * grant) run side by side while keeping a close out.
 */
export async function lockCase(
  tx: Prisma.TransactionClient,
  caseId: string,
  mode: 'UPDATE' | 'SHARE',
): Promise<{ status: CaseStatus; urgency: Urgency } | null> {
  const [row] = await tx.$queryRaw<{ status: CaseStatus; urgency: Urgency }[]>`
    SELECT "status"::text AS "status", "urgency"::text AS "urgency" FROM ${CASE} WHERE "id" = ${caseId}::uuid
       FOR ${Prisma.raw(mode === 'UPDATE' ? 'UPDATE' : 'SHARE')}`;
  return row ?? null;
}

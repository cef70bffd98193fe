import { Prisma } from '../generated/prisma/client';
import type { PartnersDb } from '../db';

// Raw SQL is not qualified by the adapter's schema option (only Prisma's own queries are), so the
// raw statements name their tables in full.
const SCHEMA = 'partners';
const table = (name: string) => Prisma.raw(`"${SCHEMA}"."${name}"`);

export const CAPACITY = table('Capacity');
export const CAPACITY_HOLD = table('CapacityHold');
export const CAPACITY_CHANGE = table('CapacityChange');
export const SERVICE = table('Service');
export const REFERRAL_RESPONSE = table('ReferralResponse');

export type Tx = Prisma.TransactionClient;

/**
 * Every capacity write is one READ COMMITTED transaction of a few statements. The waits are generous
 * because a burst of holds queues for pool connections and for the one capacity row; correctness
 * comes from the conditional UPDATEs, not from the isolation level.
 */
export function inCapacityTransaction<T>(db: PartnersDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { isolationLevel: 'ReadCommitted', maxWait: 15_000, timeout: 20_000 });
}

/** The row as the capacity writes read it back (RETURNING). */
export interface CapacityCounts {
  totalSlots: number;
  heldSlots: number;
  waitlistLength: number;
  paused: boolean;
}

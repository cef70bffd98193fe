import { badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { PartnersDb } from '../db';

const MAX_PAGE = 500;

/** One page of unreleased holds, ordered by referral id (keyset: ask again with `after` = the last id). */
export async function liveHolds(db: PartnersDb, input: { after?: unknown; limit?: unknown }) {
  const { after, limit = 200 } = input;
  if (after !== undefined && after !== null && !isUuid(after)) throw badInput('after', 'after is not a valid id');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw badInput('limit', `limit must be a whole number from 1 to ${MAX_PAGE}`);
  }
  const holds = await db.capacityHold.findMany({
    where: { releasedAt: null, ...(after ? { referralId: { gt: after as string } } : {}) },
    orderBy: { referralId: 'asc' },
    take: limit,
    select: { referralId: true, serviceId: true, heldAt: true },
  });
  return { holds: holds.map((hold) => ({ ...hold, heldAt: hold.heldAt.toISOString() })) };
}

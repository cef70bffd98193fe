import { randomUUID } from 'node:crypto';
import { CAPACITY_CHANGE, type CapacityCounts, type Tx } from './sql';

export type CapacityChangeKind = 'UPDATE' | 'HOLD' | 'RELEASE';

/**
 * Appends one history row inside the caller's transaction, so the history and the change it describes
 * commit (or roll back) together. `before` is null when this change first declared the capacity.
 */
export async function recordCapacityChange(
  tx: Tx,
  change: {
    serviceId: string;
    kind: CapacityChangeKind;
    byUserId: string | null;
    byPart: string;
    referralId?: string | null;
    before: CapacityCounts | null;
    after: CapacityCounts;
  },
): Promise<void> {
  const { before, after } = change;
  // No RETURNING: the service's role may only INSERT into the history (grants.ts).
  await tx.$executeRaw`
    INSERT INTO ${CAPACITY_CHANGE} ("id", "serviceId", "kind", "byUserId", "byPart", "referralId",
      "totalBefore", "totalAfter", "heldBefore", "heldAfter", "pausedBefore", "pausedAfter", "waitlistBefore", "waitlistAfter")
    VALUES (${randomUUID()}::uuid, ${change.serviceId}::uuid, ${change.kind}::"partners"."CapacityChangeKind",
      ${change.byUserId}::uuid, ${change.byPart}, ${change.referralId ?? null}::uuid,
      ${before?.totalSlots ?? null}::int, ${after.totalSlots}::int, ${before?.heldSlots ?? null}::int, ${after.heldSlots}::int,
      ${before?.paused ?? null}::boolean, ${after.paused}::boolean, ${before?.waitlistLength ?? null}::int, ${after.waitlistLength}::int)`;
}

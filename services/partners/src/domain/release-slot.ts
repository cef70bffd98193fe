import { badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { PartnersDb } from '../db';
import { CAPACITY, CAPACITY_HOLD, inCapacityTransaction, type CapacityCounts } from './sql';
import type { SlotActor } from './hold-slot';
import { partnersChangeEvent } from './audit-event';
import { recordCapacityChange } from './record-capacity-change';

/**
 * Releases the slot a referral holds. Idempotent: an unknown or already released hold changes nothing
 * and answers released: false. Marking the hold released and giving the slot back happen in one
 * transaction; of two concurrent releases the second waits on the hold row and then finds it released.
 */
export async function releaseSlot(db: PartnersDb, actor: SlotActor, input: { referralId: unknown }): Promise<{ released: boolean }> {
  const { referralId } = input;
  if (!isUuid(referralId)) throw badInput('referralId', 'referralId is not a valid id');

  return inCapacityTransaction(db, async (tx) => {
    const [hold] = await tx.$queryRaw<{ serviceId: string }[]>`
      UPDATE ${CAPACITY_HOLD} SET "releasedAt" = now(), "releasedByUserId" = ${actor.userId}::uuid
       WHERE "referralId" = ${referralId}::uuid AND "releasedAt" IS NULL
      RETURNING "serviceId"`;
    if (!hold) return { released: false };

    const [after] = await tx.$queryRaw<CapacityCounts[]>`
      UPDATE ${CAPACITY}
         SET "heldSlots" = "heldSlots" - 1, "updatedAt" = now(), "updatedByUserId" = ${actor.userId}::uuid
       WHERE "serviceId" = ${hold.serviceId}::uuid AND "heldSlots" > 0
      RETURNING "totalSlots", "heldSlots", "waitlistLength", "paused"`;
    // A live hold with no slot counted would be a broken invariant: fail (and roll back) rather than hide it.
    if (!after) throw new Error('capacity invariant broken: a live hold on a service holding no slots');

    await recordCapacityChange(tx, {
      serviceId: hold.serviceId,
      kind: 'RELEASE',
      byUserId: actor.userId,
      byPart: actor.part,
      referralId,
      before: { ...after, heldSlots: after.heldSlots + 1 },
      after,
    });
    // Only a release that freed a slot is audited; last statement (the chain lock is held until commit).
    await writeAuditEvents(tx, [
      partnersChangeEvent(actor.caller ?? null, actor.requestId ?? null, 'capacity.release', { subjectId: hold.serviceId, referralId }),
    ]);
    return { released: true };
  });
}

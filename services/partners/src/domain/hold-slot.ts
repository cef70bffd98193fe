import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import { CAPACITY, CAPACITY_HOLD, inCapacityTransaction, type CapacityCounts, type Tx } from './sql';
import { partnersChangeEvent } from './audit-event';
import { recordCapacityChange } from './record-capacity-change';

export interface SlotActor {
  /** The end user the calling part acts for (from the identity that came with the call); null for a job of the part. */
  userId: string | null;
  /** The calling part, e.g. "cases". */
  part: string;
  /** Whom the audit event names: the identity that came with the call; null or absent = a job (actorKind 'system'). */
  caller?: Identity | null;
  requestId?: string | null;
}

export interface HoldSlotResult {
  held: true;
  heldSlots: number;
  totalSlots: number;
}

/**
 * Holds one slot of a service for a referral. Idempotent by referral id: a retry (also 50 at once) finds
 * the existing hold and holds nothing more.
 *
 * One READ COMMITTED transaction: first claim the referral (INSERT … ON CONFLICT DO NOTHING on its id —
 * a concurrent retry waits for this transaction and then sees the row, or inserts itself if this one rolls
 * back), then take the slot with one conditional UPDATE (held + 1 only while held < total and not paused —
 * concurrent holds queue on the row lock and each re-checks the condition on the newest row). If no slot is
 * free the transaction rolls back, hold row included: no hold without a slot, no slot without a hold.
 *
 * Refusals: CAPACITY_FULL when no slot is free, when the service is paused (it takes no new referrals; same
 * code, since for the caller both mean "cannot accept here now"), or when it never declared a capacity;
 * NOT_FOUND for an unknown service; CONFLICT when the referral already has (or had) a hold of another
 * service. A released hold of the same service is taken up again (an acceptance retried after its first
 * attempt did not commit and the slot was given back); if no slot is free it stays released.
 */
export async function holdSlot(db: PartnersDb, actor: SlotActor, input: { serviceId: unknown; referralId: unknown }): Promise<HoldSlotResult> {
  const { serviceId, referralId } = input;
  if (!isUuid(serviceId)) throw badInput('serviceId', 'serviceId is not a valid id');
  if (!isUuid(referralId)) throw badInput('referralId', 'referralId is not a valid id');

  return inCapacityTransaction(db, async (tx) => {
    // WHERE EXISTS: an unknown or undeclared service inserts nothing (instead of a foreign-key error).
    const claimed = await tx.$queryRaw<{ referralId: string }[]>`
      INSERT INTO ${CAPACITY_HOLD} ("referralId", "serviceId", "heldByUserId", "heldByPart")
      SELECT ${referralId}::uuid, ${serviceId}::uuid, ${actor.userId}::uuid, ${actor.part}
       WHERE EXISTS (SELECT 1 FROM ${CAPACITY} WHERE "serviceId" = ${serviceId}::uuid)
      ON CONFLICT ("referralId") DO NOTHING
      RETURNING "referralId"`;
    if (claimed.length === 0) {
      // A hold released earlier (an accept that did not commit, then reconciled) is taken up again: cases
      // asks only while the referral is SENT and locked, so this is a genuine new acceptance.
      const reclaimed = await tx.$queryRaw<{ referralId: string }[]>`
        UPDATE ${CAPACITY_HOLD}
           SET "releasedAt" = NULL, "releasedByUserId" = NULL, "heldAt" = now(), "heldByUserId" = ${actor.userId}::uuid, "heldByPart" = ${actor.part}
         WHERE "referralId" = ${referralId}::uuid AND "serviceId" = ${serviceId}::uuid AND "releasedAt" IS NOT NULL
        RETURNING "referralId"`;
      if (reclaimed.length === 0) return existingHold(tx, serviceId, referralId);
    }

    const taken = await tx.$queryRaw<CapacityCounts[]>`
      UPDATE ${CAPACITY}
         SET "heldSlots" = "heldSlots" + 1, "updatedAt" = now(), "updatedByUserId" = ${actor.userId}::uuid
       WHERE "serviceId" = ${serviceId}::uuid AND "heldSlots" < "totalSlots" AND NOT "paused"
      RETURNING "totalSlots", "heldSlots", "waitlistLength", "paused"`;
    const after = taken[0];
    if (!after) throw await refusal(tx, serviceId);

    await recordCapacityChange(tx, {
      serviceId,
      kind: 'HOLD',
      byUserId: actor.userId,
      byPart: actor.part,
      referralId,
      before: { ...after, heldSlots: after.heldSlots - 1 },
      after,
    });
    // Only a slot actually taken is audited (a retry that finds its hold changes nothing); last statement.
    await writeAuditEvents(tx, [
      partnersChangeEvent(actor.caller ?? null, actor.requestId ?? null, 'capacity.hold', { subjectId: serviceId, referralId }),
    ]);
    return { held: true, heldSlots: after.heldSlots, totalSlots: after.totalSlots };
  });
}

/** The referral is already claimed (a retry), or the service has no capacity row at all. */
async function existingHold(tx: Tx, serviceId: string, referralId: string): Promise<HoldSlotResult> {
  const [hold] = await tx.$queryRaw<{ serviceId: string; releasedAt: Date | null }[]>`
    SELECT "serviceId", "releasedAt" FROM ${CAPACITY_HOLD} WHERE "referralId" = ${referralId}::uuid`;
  if (!hold) throw await refusal(tx, serviceId);
  if (hold.serviceId !== serviceId) throw new AppError('CONFLICT', 'This referral already holds a slot of another service');
  // Released again by a concurrent call between our two statements: say so rather than pretend it is held.
  if (hold.releasedAt) throw new AppError('CONFLICT', "This referral's slot was released meanwhile; try again");
  const [counts] = await tx.$queryRaw<CapacityCounts[]>`
    SELECT "totalSlots", "heldSlots" FROM ${CAPACITY} WHERE "serviceId" = ${serviceId}::uuid`;
  return { held: true, heldSlots: counts!.heldSlots, totalSlots: counts!.totalSlots };
}

/** Why no slot was taken. Only the message depends on this read; the decision was the UPDATE's. */
async function refusal(tx: Tx, serviceId: string): Promise<AppError> {
  const [capacity] = await tx.$queryRaw<{ paused: boolean }[]>`
    SELECT "paused" FROM ${CAPACITY} WHERE "serviceId" = ${serviceId}::uuid`;
  if (capacity?.paused) return new AppError('CAPACITY_FULL', 'The service is paused and takes no new referrals');
  if (capacity) return new AppError('CAPACITY_FULL', 'The service has no free slot');
  const service = await tx.service.findUnique({ where: { id: serviceId }, select: { id: true } });
  if (!service) return new AppError('NOT_FOUND', 'Service not found');
  return new AppError('CAPACITY_FULL', 'The service has not declared its capacity');
}

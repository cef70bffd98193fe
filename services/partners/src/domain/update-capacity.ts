import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { PartnersDb } from '../db';
import type { Capacity } from '../generated/prisma/client';
import { CAPACITY, inCapacityTransaction, type CapacityCounts } from './sql';
import { partnersChangeEvent } from './audit-event';
import { recordCapacityChange } from './record-capacity-change';

export interface UpdateCapacityInput {
  serviceId: string;
  totalSlots: number;
  paused: boolean;
  waitlistLength: number;
}

export const MAX_SLOTS = 10_000;
export const MAX_WAITLIST = 10_000;

/**
 * Who may state a service's capacity: partner staff or admin of the organisation that offers it, or that
 * organisation's integration with capacity:write — nobody else, not a network admin either (capacity is the
 * organisation's own, day-to-day statement). The shield map requires the role or scope; this adds "of that
 * organisation", which depends on the service.
 */
export function assertMayUpdateCapacity(caller: Identity | null, organisationId: string): asserts caller is Identity {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const ownStaff =
    caller.kind === 'user'
      ? caller.roles.includes('PARTNER_STAFF') || caller.roles.includes('PARTNER_ADMIN')
      : caller.scopes.includes('capacity:write');
  if (!ownStaff || !caller.organisationId || caller.organisationId !== organisationId) throw new AppError('FORBIDDEN', 'Not allowed');
}

/**
 * Capacity's *ByUserId columns name people. An integration is no user: its change records no user, and
 * the history row names the token instead (byPart "integration:<token id>"), so it stays attributable.
 */
function actorOf(caller: Identity): { userId: string | null; part: string } {
  return caller.kind === 'integration' ? { userId: null, part: `integration:${caller.subject}` } : { userId: caller.subject, part: 'partners' };
}

function count(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(field, `${field} must be a whole number from 0 to ${max}`);
  return value;
}

/**
 * The organisation states total, paused and waitlist in one step; that is also the confirmation the
 * staleness flag looks at. One transaction: the row is created on the first statement, locked (FOR NO KEY
 * UPDATE: holds wait for it, and it does not conflict with the key-share locks of holds' foreign keys),
 * checked against the slots held right now, written, and the history row added.
 *
 * Lowering the total below the slots currently held is refused with CONFLICT (extensions.heldSlots):
 * the held slots belong to accepted referrals; the organisation releases them through the referral
 * workflow first. Recording "over capacity" instead would make available slots and the hold invariant
 * ambiguous (docs/architecture.md, decisions).
 */
export async function updateCapacity(
  db: PartnersDb,
  caller: Identity | null,
  input: UpdateCapacityInput,
  requestId: string | null = null,
): Promise<Capacity> {
  const service = isUuid(input.serviceId)
    ? await db.service.findUnique({ where: { id: input.serviceId }, select: { id: true, organisationId: true } })
    : null;
  if (!service) throw new AppError('NOT_FOUND', 'Service not found');
  assertMayUpdateCapacity(caller, service.organisationId);
  const totalSlots = count('totalSlots', input.totalSlots, MAX_SLOTS);
  const waitlistLength = count('waitlistLength', input.waitlistLength, MAX_WAITLIST);
  if (typeof input.paused !== 'boolean') throw badInput('paused', 'paused must be true or false');
  const paused = input.paused;
  const actor = actorOf(caller);
  const userId = actor.userId;

  await inCapacityTransaction(db, async (tx) => {
    const created = await tx.$queryRaw<unknown[]>`
      INSERT INTO ${CAPACITY} ("serviceId", "updatedAt", "updatedByUserId") VALUES (${service.id}::uuid, now(), ${userId}::uuid)
      ON CONFLICT ("serviceId") DO NOTHING RETURNING "serviceId"`;
    const [before] = await tx.$queryRaw<CapacityCounts[]>`
      SELECT "totalSlots", "heldSlots", "waitlistLength", "paused" FROM ${CAPACITY}
       WHERE "serviceId" = ${service.id}::uuid FOR NO KEY UPDATE`;
    if (before!.heldSlots > totalSlots) {
      throw new AppError('CONFLICT', `${before!.heldSlots} slots are held for accepted referrals; the total cannot be lower`, {
        heldSlots: before!.heldSlots,
      });
    }
    const [after] = await tx.$queryRaw<CapacityCounts[]>`
      UPDATE ${CAPACITY}
         SET "totalSlots" = ${totalSlots}::int, "paused" = ${paused}::boolean, "waitlistLength" = ${waitlistLength}::int,
             "confirmedAt" = now(), "confirmedByUserId" = ${userId}::uuid, "updatedAt" = now(), "updatedByUserId" = ${userId}::uuid
       WHERE "serviceId" = ${service.id}::uuid
      RETURNING "totalSlots", "heldSlots", "waitlistLength", "paused"`;
    await recordCapacityChange(tx, {
      serviceId: service.id,
      kind: 'UPDATE',
      byUserId: userId,
      byPart: actor.part,
      before: created.length > 0 ? null : before!,
      after: after!,
    });
    // Last statement: the audit chain's lock is held until commit (kit/audit/write.ts).
    await writeAuditEvents(tx, [partnersChangeEvent(caller, requestId, 'capacity.update', { subjectId: service.id })]);
  });
  return db.capacity.findUniqueOrThrow({ where: { serviceId: service.id } });
}

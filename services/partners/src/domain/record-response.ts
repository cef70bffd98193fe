import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { PartnersDb } from '../db';
import { REFERRAL_RESPONSE, SERVICE } from './sql';

export const RESPONSE_OUTCOMES = ['ACCEPTED', 'DECLINED', 'EXPIRED'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];

/** Clocks of two services differ a little; an answer further in the future than this is a bug, not skew. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface RecordResponseInput {
  referralId: unknown;
  serviceId: unknown;
  outcome: unknown;
  sentAt: unknown;
  respondedAt: unknown;
}

function instant(field: string, value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw badInput(field, `${field} is not an ISO 8601 timestamp`);
  return date;
}

/**
 * Records how a referral to a service was answered (or that it expired), for the organisation's response
 * record. Idempotent by referral id: the cases service reports after its transition commits and may report
 * again (a retry, or its reconciliation job); the same report again changes nothing (recorded: false), a
 * different one for the same referral is a CONFLICT (a referral is answered once). The organisation is the
 * service's own, never taken from the caller.
 */
export async function recordResponse(db: PartnersDb, part: string, input: RecordResponseInput): Promise<{ recorded: boolean }> {
  const { referralId, serviceId, outcome } = input;
  if (!isUuid(referralId)) throw badInput('referralId', 'referralId is not a valid id');
  if (!isUuid(serviceId)) throw badInput('serviceId', 'serviceId is not a valid id');
  if (!RESPONSE_OUTCOMES.includes(outcome as ResponseOutcome)) {
    throw badInput('outcome', `outcome must be one of ${RESPONSE_OUTCOMES.join(', ')}`);
  }
  const sentAt = instant('sentAt', input.sentAt);
  const respondedAt = instant('respondedAt', input.respondedAt);
  if (respondedAt < sentAt) throw badInput('respondedAt', 'respondedAt is before sentAt');
  if (respondedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('respondedAt', 'respondedAt is in the future');

  // One statement: the organisation comes from the service row, and an unknown service inserts nothing.
  const inserted = await db.$queryRaw<{ referralId: string }[]>`
    INSERT INTO ${REFERRAL_RESPONSE} ("referralId", "serviceId", "organisationId", "outcome", "sentAt", "respondedAt", "recordedByPart")
    SELECT ${referralId}::uuid, s."id", s."organisationId", ${outcome}::"partners"."ReferralResponseOutcome", ${sentAt}, ${respondedAt}, ${part}
      FROM ${SERVICE} s WHERE s."id" = ${serviceId}::uuid
    ON CONFLICT ("referralId") DO NOTHING
    RETURNING "referralId"`;
  if (inserted.length > 0) return { recorded: true };

  const existing = await db.referralResponse.findUnique({ where: { referralId } });
  if (!existing) throw new AppError('NOT_FOUND', 'Service not found');
  const same =
    existing.serviceId === serviceId &&
    existing.outcome === outcome &&
    existing.sentAt.getTime() === sentAt.getTime() &&
    existing.respondedAt.getTime() === respondedAt.getTime();
  if (!same) throw new AppError('CONFLICT', 'A different answer was already recorded for this referral');
  return { recorded: false };
}

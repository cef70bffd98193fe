import { AppError } from '@haven/kit/src/errors';
import type { InternalRoute, RequestContext } from '@haven/kit/src/http/subgraph-server';
import type { PartName } from '@haven/kit/src/taxonomy';
import type { PartnersDb } from './db';
import { holdSlot, type SlotActor } from './domain/hold-slot';
import { describeService } from './domain/describe-service';
import { liveHolds } from './domain/live-holds';
import { recordResponse } from './domain/record-response';
import { releaseSlot } from './domain/release-slot';

function actorOf(ctx: RequestContext & { from: PartName }): SlotActor {
  // requiresIdentity makes the kit refuse a call without one (401); this only narrows the type.
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED', 'An end-user identity is required');
  // An integration token is no person: the hold names the part and the token, never a token id as a user.
  const audit = { caller: ctx.caller, requestId: ctx.requestId };
  if (ctx.caller.kind === 'integration') return { userId: null, part: `${ctx.from}:integration:${ctx.caller.subject}`, ...audit };
  return { userId: ctx.caller.subject, part: ctx.from, ...audit };
}

/** The end user when the calling part acts for one, else the part itself (its jobs). */
function userOrPart(ctx: RequestContext & { from: PartName }): SlotActor {
  return { userId: ctx.caller?.subject ?? null, part: ctx.from, caller: ctx.caller, requestId: ctx.requestId };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_USER_INPUT', 'Body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * Slot holds, for the cases service only (accepting a referral holds a slot; leaving accepted or in care
 * releases it). Outside the public supergraph: POST /internal/<name>, signed with the cases service's own
 * key (audience "partners", bound to the body) and carrying the end user's identity token — callInternal
 * from kit/http/internal-client.ts does exactly that. Any other caller, or no identity: HTTP 401.
 *
 *   POST /internal/hold-slot     { serviceId: uuid, referralId: uuid }
 *     200 { result: { held: true, heldSlots, totalSlots } }   also for a retry of the same referral
 *     422 { error: { code: 'CAPACITY_FULL' } }   no free slot, service paused, or capacity never declared
 *     422 { error: { code: 'NOT_FOUND' } }       unknown service
 *     422 { error: { code: 'CONFLICT' } }        the referral holds (or held) a slot of another service, or its hold was released
 *     422 { error: { code: 'BAD_USER_INPUT' } }  an id is missing or not a uuid
 *   POST /internal/release-slot  { referralId: uuid }   (with or without an end-user identity: the job has none)
 *     200 { result: { released: true } }    the slot is free again
 *     200 { result: { released: false } }   unknown referral or already released: nothing changed
 *     422 { error: { code: 'BAD_USER_INPUT' } }
 *   POST /internal/record-response  { referralId, serviceId: uuid, outcome: ACCEPTED|DECLINED|EXPIRED, sentAt, respondedAt: ISO 8601 }
 *     200 { result: { recorded: true } }    first report of this referral
 *     200 { result: { recorded: false } }   the same report again: nothing changed
 *     422 { error: { code: 'CONFLICT' } }   a different answer was recorded for this referral
 *     422 { error: { code: 'NOT_FOUND' } }  unknown service
 *     422 { error: { code: 'BAD_USER_INPUT' } }
 *
 *   POST /internal/describe-service  { serviceId: uuid }
 *     200 { result: { serviceId, organisationId, type, acceptingReferrals } }   what sending a referral needs
 *     422 { error: { code: 'NOT_FOUND' } }
 *   POST /internal/live-holds  { after?: referralId, limit?: 1–500 }
 *     200 { result: { holds: [{ referralId, serviceId, heldAt }] } }   unreleased holds by referral id, for
 *     the cases service's reconciliation job (a page; ask again with after = the last referralId)
 *
 * record-response feeds the organisations' response records that matching scores (domain/response-records.ts).
 * It needs no end-user identity: the cases service also reports referrals that expired with nobody acting.
 *
 * callInternal turns a 422 into an AppError with that code on the caller's side. Both are idempotent by
 * referral id, so the caller may retry after a timeout. Under any concurrency a service never holds more
 * than its total (domain/hold-slot.ts).
 */
export function partnersInternalRoutes(db: PartnersDb): Record<string, InternalRoute> {
  return {
    'hold-slot': {
      callers: ['cases'],
      requiresIdentity: true,
      handle: (body, ctx) => {
        const { serviceId, referralId } = objectBody(body);
        return holdSlot(db, actorOf(ctx), { serviceId, referralId });
      },
    },
    'release-slot': {
      callers: ['cases'],
      // Also the cases service's reconciliation job, which acts for nobody: releasing only ever frees a slot.
      requiresIdentity: false,
      handle: (body, ctx) => releaseSlot(db, userOrPart(ctx), { referralId: objectBody(body).referralId }),
    },
    'describe-service': {
      callers: ['cases'],
      requiresIdentity: true,
      handle: (body) => describeService(db, objectBody(body).serviceId),
    },
    'live-holds': {
      callers: ['cases'],
      requiresIdentity: false,
      handle: (body) => {
        const { after, limit } = objectBody(body);
        return liveHolds(db, { after, limit });
      },
    },
    'record-response': {
      callers: ['cases'],
      requiresIdentity: false,
      handle: (body, ctx) => {
        const { referralId, serviceId, outcome, sentAt, respondedAt } = objectBody(body);
        return recordResponse(db, ctx.from, { referralId, serviceId, outcome, sentAt, respondedAt });
      },
    },
  };
}

import { AppError } from '@haven/kit/src/errors';
import { decodeCursor, pageSize, toPage } from '@haven/kit/src/graphql/pagination';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import type { CasesContext } from '../context';
import { asCoordinatorView, partnerCaseAccess, type CaseView } from '../domain/case-access';
import { ACTIVE_STATES, referralSideOf } from '../domain/referral-access';
import { declineDetails, outcomeDetails, reasonText } from '../domain/referrals/reasons';
import { findOverdueReferralIds } from '../domain/referrals/overdue';
import { sendReferral } from '../domain/referrals/send-referral';
import { transitionReferral, type TransitionDetails } from '../domain/referrals/transition-referral';
import type { ReferralAction } from '../domain/referrals/transitions';
import type { TimelineEventView } from '../domain/referrals/views';
import type { Referral } from '../generated/prisma/client';
import type { ReferralState } from '../generated/prisma/enums';
import { casesLoaders } from '../loaders';
import { CaseObject } from './case';
import { OrganisationRef } from './organisation';
import { DeclineReasonEnum, ReferralOutcomeEnum, ReferralStateEnum } from './referral-enums';
import { ServiceRef } from './service';
import { ServiceTypeEnum } from './service-type';
import { TimelineEventObject } from './timeline';
import { UserRef } from './user';

const PAGE_DEFAULT = 20;

/** The case as this caller may see it through this referral (rules/case-rules.ts read `access`). */
async function caseThroughReferral(ctx: CasesContext, referral: Referral): Promise<CaseView | null> {
  const loaders = casesLoaders(ctx);
  const row = await loaders.caseById.load(referral.caseId);
  const side = referralSideOf(ctx.caller, referral);
  if (!row || !side) return null;
  if (side === 'COORDINATOR') return asCoordinatorView(row);
  const access = partnerCaseAccess(await loaders.ownReferralStatesByCase.load(row.id));
  return access ? { ...row, access } : null;
}

function eventsOfReferral(referral: Referral, events: TimelineEventView[] | readonly Omit<TimelineEventView, 'coordinatingOrganisationId' | 'organisationId'>[]): TimelineEventView[] {
  return events.map((event) => ({ ...event, coordinatingOrganisationId: referral.coordinatingOrganisationId, organisationId: referral.organisationId }));
}

export const ReferralObject = builder.prismaObject('Referral', {
  description: 'A case sent to one partner service. Seen only by its two sides: the coordinating and the receiving organisation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.expose('state', { type: ReferralStateEnum }),
    need: t.expose('need', { type: ServiceTypeEnum, description: 'The need it answers: the service type.' }),
    // Nullable on purpose: the directory (partners) resolves the service, and when it cannot be reached a null
    // here keeps the rest of the referral — and the list it is in — instead of nulling them with it (issue 7).
    service: t.field({
      type: ServiceRef,
      nullable: true,
      description: 'The partner service it was sent to; null only when the directory could not answer (an error says so; try again later).',
      resolve: (referral) => ({ id: referral.serviceId }),
    }),
    organisation: t.field({ type: OrganisationRef, description: 'The receiving organisation.', resolve: (referral) => ({ id: referral.organisationId }) }),
    coordinatingOrganisation: t.field({ type: OrganisationRef, resolve: (referral) => ({ id: referral.coordinatingOrganisationId }) }),
    case: t.field({
      type: CaseObject,
      nullable: true,
      description: 'Before accepting a partner sees only the minimal facts (the other fields are null).',
      resolve: (referral, _args, ctx) => caseThroughReferral(ctx, referral),
    }),
    sentBy: t.field({ type: UserRef, resolve: (referral) => ({ id: referral.sentByUserId }) }),
    sentAt: t.expose('sentAt', { type: 'DateTime' }),
    deadlineAt: t.expose('deadlineAt', { type: 'DateTime', description: 'When the partner must have answered.' }),
    overdue: t.boolean({
      description: 'Still unanswered after the deadline (the expiry job will expire it).',
      resolve: (referral) => referral.state === 'SENT' && referral.deadlineAt.getTime() < Date.now(),
    }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    intakeAt: t.expose('intakeAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    declineReason: t.expose('declineReason', { type: DeclineReasonEnum, nullable: true }),
    outcome: t.expose('outcome', { type: ReferralOutcomeEnum, nullable: true }),
    reasonText: t.exposeString('reasonText', { description: 'The words given with the last reason (withdrawal, decline, cancellation, outcome).' }),
    timeline: t.field({
      type: [TimelineEventObject],
      resolve: async (referral, _args, ctx) => eventsOfReferral(referral, await casesLoaders(ctx).eventsByReferral.load(referral.id)),
    }),
  }),
});

const ReferralConnection = builder.objectRef<{ nodes: Referral[]; endCursor: string | null; hasNextPage: boolean }>('ReferralConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [ReferralObject], resolve: (page) => page.nodes }),
    endCursor: t.string({ nullable: true, description: 'Pass as `after` for the next page.', resolve: (page) => page.endCursor }),
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
  }),
});

builder.prismaObjectField('Case', 'referrals', (t) =>
  t.field({
    type: [ReferralObject],
    description: "Every referral of the case (coordinators of the case's organisation).",
    resolve: (row, _args, ctx) => casesLoaders(ctx).referralsByCase.load(row.id),
  }),
);

builder.prismaObjectField('Case', 'timeline', (t) =>
  t.field({
    type: [TimelineEventObject],
    description: 'The whole history of the case and all its referrals (coordinators).',
    resolve: async (row, _args, ctx) =>
      (await casesLoaders(ctx).eventsByCase.load(row.id)).map((event) => ({
        ...event,
        coordinatingOrganisationId: row.coordinatingOrganisationId,
        organisationId: null,
      })),
  }),
);

/** Keyset page of referrals in deadline order (soonest first), for one side's list. */
async function referralPage(
  ctx: CasesContext,
  where: { organisationId?: string; coordinatingOrganisationId?: string; id?: { in: string[] } },
  args: { states?: ReferralState[] | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first, PAGE_DEFAULT);
  const after = args.after ? decodeCursor(args.after) : null;
  const rows = await ctx.db.referral.findMany({
    where: {
      ...where,
      state: { in: args.states && args.states.length > 0 ? args.states : [...ACTIVE_STATES] },
      ...(after ? { OR: [{ deadlineAt: { gt: after.at } }, { deadlineAt: after.at, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ deadlineAt: 'asc' }, { id: 'asc' }],
    take: size + 1,
  });
  return toPage(rows, size, (row) => ({ at: row.deadlineAt, id: row.id }));
}

type ListArgs = { states?: ReferralState[] | null; first?: number | null; after?: string | null };

const listArgs = (t: { arg: any }) => ({
  states: t.arg({ type: [ReferralStateEnum], description: 'Default: the active states (sent, accepted, in care).' }),
  first: t.arg.int({ description: `Page size, 1–100 (default ${PAGE_DEFAULT}).` }),
  after: t.arg.string(),
});

builder.queryFields((t) => ({
  referral: t.field({
    type: ReferralObject,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const row = isUuid(String(id)) ? await casesLoaders(ctx).referralById.load(String(id)) : null;
      // Another organisation's referral and no referral at all look the same from outside.
      if (!row || !referralSideOf(ctx.caller, row)) throw new AppError('NOT_FOUND', 'Referral not found');
      return row;
    },
  }),
  incomingReferrals: t.field({
    type: ReferralConnection,
    description: "Referrals sent to the caller's organisation, soonest deadline first.",
    args: listArgs(t),
    resolve: (_root, args, ctx) => referralPage(ctx, { organisationId: ctx.caller!.organisationId! }, args as ListArgs),
  }),
  sentReferrals: t.field({
    type: ReferralConnection,
    description: "Referrals of the caller's organisation's cases, soonest deadline first.",
    args: listArgs(t),
    resolve: (_root, args, ctx) => referralPage(ctx, { coordinatingOrganisationId: ctx.caller!.organisationId! }, args as ListArgs),
  }),
  overdueReferrals: t.field({
    type: ReferralConnection,
    description:
      "Referrals of the caller's organisation's open cases that need a coordinator: unanswered past the deadline, or expired " +
      'with no other active referral for that need. Longest overdue first.',
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const ids = await findOverdueReferralIds(ctx.db, ctx.caller!.organisationId!);
      return referralPage(ctx, { coordinatingOrganisationId: ctx.caller!.organisationId!, id: { in: ids } }, { ...args, states: ['SENT', 'EXPIRED'] });
    },
  }),
}));

const SendReferralInput = builder.inputType('SendReferralInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    serviceId: t.id({ required: true, description: 'A partner service (directory); its type must be one of the case’s needs.' }),
  }),
});

/** The mutations that move a referral: one resolver shape, the action and its checked details differ. */
function transitionField(
  t: any,
  action: ReferralAction,
  description: string,
  args: Record<string, unknown>,
  details: (args: any) => TransitionDetails,
) {
  return t.field({
    type: ReferralObject,
    description,
    args: { id: t.arg.id({ required: true }), ...args },
    resolve: async (_root: unknown, input: { id: string | number }, ctx: CasesContext) =>
      (await transitionReferral(ctx, String(input.id), action, details(input))).referral,
  });
}

builder.mutationFields((t) => ({
  sendReferral: t.field({
    type: ReferralObject,
    description: 'Coordinators: send the case to one partner service. It starts SENT with a response deadline by urgency.',
    args: {
      input: t.arg({ type: SendReferralInput, required: true }),
      idempotencyKey: t.arg.string({ description: 'Retry-safe: the same key answers with the first referral and sends nothing more.' }),
    },
    resolve: (_root, { input, idempotencyKey }, ctx) =>
      sendReferral(ctx, { caseId: String(input.caseId), serviceId: String(input.serviceId), idempotencyKey }),
  }),
  acceptReferral: transitionField(t, 'ACCEPT', 'Receiving organisation: accept; holds one slot of the service.', {}, () => ({})),
  declineReferral: transitionField(
    t,
    'DECLINE',
    'Receiving organisation: decline with a reason (OTHER needs words).',
    { reason: t.arg({ type: DeclineReasonEnum, required: true }), text: t.arg.string() },
    (args) => {
      const details = declineDetails(args.reason, args.text);
      return { ...details, reasonCode: details.declineReason };
    },
  ),
  withdrawReferral: transitionField(
    t,
    'WITHDRAW',
    'Coordinators: withdraw a sent or accepted referral, with a reason; an accepted one gives its slot back.',
    { reason: t.arg.string({ required: true }) },
    (args) => ({ reasonText: reasonText('reason', args.reason, true) }),
  ),
  recordIntake: transitionField(t, 'RECORD_INTAKE', 'Receiving organisation: the person arrived and is in care.', {}, () => ({})),
  cancelReferral: transitionField(
    t,
    'CANCEL',
    'Receiving organisation: the person did not arrive; gives the slot back.',
    { reason: t.arg.string() },
    (args) => ({ reasonText: reasonText('reason', args.reason, false) }),
  ),
  closeReferral: transitionField(
    t,
    'CLOSE',
    'Receiving organisation: care ended, with an outcome (OTHER needs words); gives the slot back.',
    { outcome: t.arg({ type: ReferralOutcomeEnum, required: true }), text: t.arg.string() },
    (args) => {
      const details = outcomeDetails(args.outcome, args.text);
      return { ...details, reasonCode: details.outcome };
    },
  ),
}));

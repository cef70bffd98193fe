import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import type { ConsentContext } from '../context';
import { changeConsent, latestOwnVersion } from '../domain/change-consent';
import { checkConsentContent, type ConsentInput } from '../domain/consent-content';
import { subjectOfOwnCase } from '../domain/consent-subject';
import type { ConsentActor } from '../domain/insert-version';
import { recordConsent } from '../domain/record-consent';
import { withdrawalOf } from '../domain/withdrawal';
import { ConsentRecordType, DataCategory, GivenBy, GivenHow, LegalBasis, Purpose } from './consent-record';

const ConsentInputType = builder.inputType('ConsentInput', {
  description: 'What a consent says. Rules (issue 5): under 16, or with no age on the case, the person\'s own consent is not enough.',
  fields: (t) => ({
    legalBasis: t.field({ type: LegalBasis, required: true }),
    justification: t.string({ description: 'Required for VITAL_INTEREST and STATUTORY; at most 2000 characters.' }),
    categories: t.field({ type: [DataCategory], required: true, description: 'At least one.' }),
    wholeNetwork: t.boolean({ defaultValue: false, description: 'Every organisation of the network; then name no recipients.' }),
    recipientOrganisationIds: t.idList({ defaultValue: [], description: 'At least one unless wholeNetwork.' }),
    purposes: t.field({ type: [Purpose], required: true, description: 'At least one.' }),
    givenBy: t.field({ type: GivenBy, required: true, description: 'CONSENT_CLIENT needs CLIENT; CONSENT_GUARDIAN needs GUARDIAN.' }),
    givenHow: t.field({ type: GivenHow, required: true }),
    validFrom: t.field({ type: 'DateTime', description: 'Default: now.' }),
    validUntil: t.field({ type: 'DateTime', description: 'Later than validFrom; open-ended when left out.' }),
  }),
});

const WithdrawalScopeInput = builder.inputType('ConsentWithdrawalScopeInput', {
  description: 'Part of a record to withdraw: some recipient organisations, or some categories (not both). Left out: the whole record.',
  fields: (t) => ({
    organisationIds: t.idList(),
    categories: t.field({ type: [DataCategory] }),
  }),
});

type ConsentInputValue = typeof ConsentInputType.$inferInput;

function consentInput(input: ConsentInputValue): ConsentInput {
  return {
    ...input,
    validUntil: input.validUntil ?? null,
    wholeNetwork: input.wholeNetwork ?? false,
    recipientOrganisationIds: (input.recipientOrganisationIds ?? []).map(String),
  };
}

function actorOf(ctx: ConsentContext): ConsentActor {
  // The shield map lets only coordinators with an active organisation here; this narrows the type.
  if (!ctx.caller?.organisationId) throw new AppError('FORBIDDEN', 'Not allowed');
  return { userId: ctx.caller.subject, organisationId: ctx.caller.organisationId, requestId: ctx.requestId };
}

function idArg(value: string | number, field: string): string {
  const id = String(value);
  if (!isUuid(id)) throw badInput(field, `${field} is not a valid id`);
  return id;
}

builder.mutationFields((t) => ({
  recordConsent: t.field({
    type: ConsentRecordType,
    description: "Records consent for an open case of the caller's organisation: a new record, version 1.",
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: ConsentInputType, required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = actorOf(ctx);
      const subject = await subjectOfOwnCase(ctx, idArg(args.caseId, 'caseId'));
      return recordConsent(ctx.db, actor, subject, consentInput(args.input));
    },
  }),
  amendConsent: t.field({
    type: ConsentRecordType,
    description: 'Replaces what an active record says, checked like new consent: a new version. A withdrawn record stays withdrawn.',
    args: { recordId: t.arg.id({ required: true }), input: t.arg({ type: ConsentInputType, required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = actorOf(ctx);
      const recordId = idArg(args.recordId, 'recordId');
      const latest = await latestOwnVersion(ctx.db, actor, recordId);
      const subject = await subjectOfOwnCase(ctx, latest.caseId);
      if (subject.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is closed: its consent can be withdrawn, not changed');
      const content = checkConsentContent(consentInput(args.input), subject, new Date());
      return changeConsent(ctx.db, actor, 'consent.amend', recordId, (current) => {
        if (current.status === 'WITHDRAWN') throw new AppError('INVALID_TRANSITION', 'This consent was withdrawn: record new consent instead');
        return { status: 'ACTIVE', content };
      });
    },
  }),
  withdrawConsent: t.field({
    type: ConsentRecordType,
    description:
      'Withdraws a record in one step: the whole record, or some recipients or categories of it (a new version). Allowed on closed cases too; withdrawing a withdrawn record changes nothing.',
    args: { recordId: t.arg.id({ required: true }), scope: t.arg({ type: WithdrawalScopeInput }) },
    resolve: async (_root, args, ctx) => {
      const actor = actorOf(ctx);
      const recordId = idArg(args.recordId, 'recordId');
      const latest = await latestOwnVersion(ctx.db, actor, recordId);
      await subjectOfOwnCase(ctx, latest.caseId);
      const scope = { organisationIds: args.scope?.organisationIds?.map(String) ?? null, categories: args.scope?.categories ?? null };
      return changeConsent(ctx.db, actor, 'consent.withdraw', recordId, (current) => withdrawalOf(current, scope));
    },
  }),
}));

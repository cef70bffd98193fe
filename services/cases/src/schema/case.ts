import { EXPLOITATION_TYPES, GENDERS, PROVINCES, URGENCIES } from '@haven/kit/src/taxonomy';
import { AppError } from '@haven/kit/src/errors';
import { decodeCursor, MAX_PAGE_SIZE, pageSize, toPage } from '@haven/kit/src/graphql/pagination';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import { asCoordinatorView, mayViewCase, partnerCaseAccess, type CaseView } from '../domain/case-access';
import { MAX_AGE, MIN_AGE } from '../domain/case-facts';
import { closeCase, coordinatorCheckVia, handOverCase } from '../domain/case-lifecycle';
import { createCase } from '../domain/create-case';
import type { PersonalDataInput } from '../domain/vault-fields';
import { updateCasePersonalData } from '../domain/vault-update';
import { casesLoaders } from '../loaders';
import { CasePersonalData, CasePersonalDataInput, resolvePersonalData } from './case-personal-data';
import { requestedCategories } from './requested-categories';
import { OrganisationRef } from './organisation';
import { ServiceTypeEnum } from './service-type';
import { UserRef } from './user';

// Built from kit's list, like partners' Urgency, so the two subgraphs compose to one enum.
export const UrgencyEnum = builder.enumType('Urgency', { values: URGENCIES });
export const CaseStatusEnum = builder.enumType('CaseStatus', { values: ['OPEN', 'CLOSED'] as const });
// Same names and values as partners' enums (kit's lists), so the supergraph has one of each.
export const GenderEnum = builder.enumType('Gender', { values: GENDERS });
export const ExploitationTypeEnum = builder.enumType('ExploitationType', { values: EXPLOITATION_TYPES });
export const ProvinceEnum = builder.enumType('Province', { values: PROVINCES });
export const AgeGroupEnum = builder.enumType('AgeGroup', {
  description: 'What a partner may know instead of an exact age: under 16, 16–17, 18–23, 24 and over',
  values: ['UNDER_16', 'AGE_16_17', 'AGE_18_23', 'AGE_24_PLUS'] as const,
});

/**
 * A case, known by its pseudonymous reference. Facts for matching are plain columns; personal data lives in
 * the vault, sealed per field. Fields only some viewers may see are nullable (rules/case-rules.ts).
 */
export const CaseObject = builder.prismaObject('Case', {
  fields: (t) => ({
    id: t.exposeID('id'),
    reference: t.exposeString('reference'),
    urgency: t.expose('urgency', { type: UrgencyEnum }),
    needs: t.expose('needs', { type: [ServiceTypeEnum] }),
    status: t.expose('status', { type: CaseStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    coordinatingOrganisation: t.field({
      type: OrganisationRef,
      resolve: (row) => ({ id: row.coordinatingOrganisationId }),
    }),
    coordinator: t.field({ type: UserRef, nullable: true, resolve: (row) => ({ id: row.coordinatorUserId }) }),
    ageGroup: t.expose('ageGroup', { type: AgeGroupEnum, nullable: true }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true }),
    languages: t.exposeStringList('languages', { description: 'ISO 639-1 codes' }),
    province: t.expose('province', { type: ProvinceEnum, nullable: true }),
    exploitationType: t.expose('exploitationType', { type: ExploitationTypeEnum, nullable: true }),
    place: t.string({ nullable: true, description: 'A Dutch place (canonical spelling)', resolve: (row) => row.place || null }),
    age: t.exposeInt('age', { nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    personalData: t.field({
      type: CasePersonalData,
      // Every Case in a response carries its access (domain/case-access.ts); the gate reads it.
      resolve: (row, _args, ctx, info) => resolvePersonalData(row as CaseView, ctx, requestedCategories(info)),
    }),
  }),
});

const CASE_PAGE_DEFAULT = 50;

const CaseConnection = builder.objectRef<{ nodes: CaseView[]; endCursor: string | null; hasNextPage: boolean }>('CaseConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [CaseObject], resolve: (page) => page.nodes }),
    endCursor: t.string({ nullable: true, description: 'Pass as `after` for the next page.', resolve: (page) => page.endCursor }),
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
  }),
});

builder.asEntity(CaseObject, {
  key: builder.selection<{ id: string }>('id'),
  // Another organisation's case resolves to null here, before any field rule runs: `_entities`
  // must never be a way around `case(id)`.
  resolveReference: async (ref, ctx): Promise<CaseView | null> => {
    const loaders = casesLoaders(ctx);
    const row = await loaders.caseById.load(ref.id);
    if (!row) return null;
    if (mayViewCase(ctx.caller, row)) return asCoordinatorView(row);
    const partnerRole = ctx.caller?.roles.some((role) => role === 'PARTNER_STAFF' || role === 'PARTNER_ADMIN');
    const access = partnerRole ? partnerCaseAccess(await loaders.ownReferralStatesByCase.load(row.id)) : null;
    return access ? { ...row, access } : null;
  },
});

const CreateCaseInput = builder.inputType('CreateCaseInput', {
  fields: (t) => ({
    urgency: t.field({ type: UrgencyEnum, required: true }),
    needs: t.field({ type: [ServiceTypeEnum], required: true, description: 'At least one; each type once.' }),
    age: t.int({ description: `Exact age (${MIN_AGE}–${MAX_AGE}) when known; the age group is derived from it` }),
    ageGroup: t.field({ type: AgeGroupEnum, description: 'When the exact age is not known (or matching age)' }),
    gender: t.field({ type: GenderEnum }),
    languages: t.stringList({ description: 'ISO 639-1 codes (like "nl", "en")' }),
    exploitationType: t.field({ type: ExploitationTypeEnum }),
    province: t.field({ type: ProvinceEnum, description: "Derived from place when only place is given" }),
    place: t.string({ description: 'A Dutch place name' }),
    personalData: t.field({ type: CasePersonalDataInput, description: 'Optional, sealed in the vault' }),
  }),
});

builder.queryFields((t) => ({
  cases: t.field({
    type: CaseConnection,
    description: "The caller's organisation's cases, newest first, a page at a time.",
    args: {
      status: t.arg({ type: CaseStatusEnum }),
      first: t.arg.int({ description: `Page size, 1–${MAX_PAGE_SIZE} (default ${CASE_PAGE_DEFAULT}).` }),
      after: t.arg.string(),
    },
    resolve: async (_root, { status, first, after }, ctx) => {
      const size = pageSize(first, CASE_PAGE_DEFAULT);
      const position = after ? decodeCursor(after) : null;
      const rows = await ctx.db.case.findMany({
        where: {
          coordinatingOrganisationId: ctx.caller!.organisationId!,
          status: status ?? undefined,
          ...(position ? { OR: [{ createdAt: { lt: position.at } }, { createdAt: position.at, id: { lt: position.id } }] } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
      });
      return toPage(rows.map(asCoordinatorView), size, (row) => ({ at: row.createdAt, id: row.id }));
    },
  }),
  case: t.prismaField({
    type: 'Case',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const row = isUuid(String(id)) ? await ctx.db.case.findUnique({ ...query, where: { id: String(id) } }) : null;
      // Someone else's case and no case at all look the same from outside.
      if (!row || !mayViewCase(ctx.caller, row)) throw new AppError('NOT_FOUND', 'Case not found');
      return asCoordinatorView(row);
    },
  }),
}));

builder.mutationFields((t) => ({
  createCase: t.field({
    type: CaseObject,
    args: {
      input: t.arg({ type: CreateCaseInput, required: true }),
      idempotencyKey: t.arg.string({ description: 'Same key and input again: the first case is returned, nothing is created twice.' }),
    },
    resolve: async (_root, { input, idempotencyKey }, ctx) =>
      asCoordinatorView(
        await createCase(ctx.db, ctx.settings.keyRing, ctx.caller, { ...input, personalData: input.personalData as PersonalDataInput }, undefined, idempotencyKey, ctx.requestId),
      ),
  }),
  updateCasePersonalData: t.field({
    type: CaseObject,
    description: 'Writes personal data of a case (coordinators of its organisation). Left out or null: unchanged; "": cleared.',
    args: { caseId: t.arg.id({ required: true }), input: t.arg({ type: CasePersonalDataInput, required: true }) },
    resolve: async (_root, { caseId, input }, ctx) =>
      asCoordinatorView(await updateCasePersonalData(ctx.db, ctx.settings.keyRing, ctx.caller, String(caseId), input as PersonalDataInput, ctx.requestId)),
  }),
  handOverCase: t.field({
    type: CaseObject,
    description: 'Makes another active coordinator of the same organisation the coordinator of the case.',
    args: { caseId: t.arg.id({ required: true }), toUserId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_root, args, ctx) =>
      asCoordinatorView(
        await handOverCase(ctx.db, ctx.caller, { caseId: String(args.caseId), toUserId: String(args.toUserId), reason: args.reason, requestId: ctx.requestId }, coordinatorCheckVia(ctx)),
      ),
  }),
  closeCase: t.field({
    type: CaseObject,
    description: 'Closes a case; refused (INVALID_TRANSITION) while a referral of it is active or when it is closed.',
    args: { caseId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_root, args, ctx) =>
      asCoordinatorView(await closeCase(ctx.db, ctx.caller, { caseId: String(args.caseId), reason: args.reason, requestId: ctx.requestId })),
  }),
}));

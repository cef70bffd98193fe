import { URGENCIES } from '@haven/kit/src/taxonomy';
import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import { asCoordinatorView, mayViewCase, partnerCaseAccess, type CaseView } from '../domain/case-access';
import { createCase } from '../domain/create-case';
import { casesLoaders } from '../loaders';
import { OrganisationRef } from './organisation';
import { ServiceTypeEnum } from './service-type';
import { UserRef } from './user';

// Built from kit's list, like partners' Urgency, so the two subgraphs compose to one enum.
export const UrgencyEnum = builder.enumType('Urgency', { values: URGENCIES });
export const CaseStatusEnum = builder.enumType('CaseStatus', { values: ['OPEN', 'CLOSED'] as const });

/** A case, known only by its pseudonymous reference; personal data lives in the vault (later). */
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
    coordinator: t.field({ type: UserRef, resolve: (row) => ({ id: row.coordinatorUserId }) }),
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
  }),
});

builder.queryFields((t) => ({
  cases: t.prismaField({
    type: ['Case'],
    description: "The caller's organisation's cases, newest first.",
    args: { status: t.arg({ type: CaseStatusEnum }) },
    resolve: async (query, _root, { status }, ctx) => {
      const rows = await ctx.db.case.findMany({
        ...query,
        where: { coordinatingOrganisationId: ctx.caller!.organisationId!, status: status ?? undefined },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
      return rows.map(asCoordinatorView);
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
    args: { input: t.arg({ type: CreateCaseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => asCoordinatorView(await createCase(ctx.db, ctx.caller, input)),
  }),
}));

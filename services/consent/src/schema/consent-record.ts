import { requestLoader, byIdLoader } from '@haven/kit/src/graphql/loaders';
import { builder } from '../builder';
import type { ConsentContext } from '../context';

export const LegalBasis = builder.enumType('LegalBasis', {
  values: ['CONSENT_CLIENT', 'CONSENT_GUARDIAN', 'VITAL_INTEREST', 'STATUTORY'] as const,
});
export const DataCategory = builder.enumType('DataCategory', {
  values: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] as const,
});
export const Purpose = builder.enumType('Purpose', { values: ['REFERRAL_CARE', 'STATISTICS'] as const });
export const GivenBy = builder.enumType('GivenBy', { values: ['CLIENT', 'GUARDIAN'] as const });
export const GivenHow = builder.enumType('GivenHow', { values: ['VERBAL', 'WRITTEN', 'DIGITAL'] as const });
export const ConsentStatus = builder.enumType('ConsentStatus', { values: ['ACTIVE', 'WITHDRAWN'] as const });

const recordLoader = (ctx: ConsentContext) =>
  requestLoader(ctx, 'consentRecord', () => byIdLoader((ids) => ctx.db.consentRecord.findMany({ where: { id: { in: [...ids] } } })));

/** One version of a consent record. Versions are append-only; `recordId` ties them together. */
export const ConsentRecordType = builder.prismaObject('ConsentRecord', {
  fields: (t) => ({
    id: t.exposeID('id'),
    recordId: t.exposeID('recordId'),
    version: t.exposeInt('version'),
    caseId: t.exposeID('caseId'),
    status: t.expose('status', { type: ConsentStatus }),
    legalBasis: t.expose('legalBasis', { type: LegalBasis }),
    justification: t.exposeString('justification', { nullable: true }),
    categories: t.expose('categories', { type: [DataCategory] }),
    wholeNetwork: t.exposeBoolean('wholeNetwork'),
    recipientOrganisationIds: t.exposeIDList('recipientOrganisationIds'),
    purposes: t.expose('purposes', { type: [Purpose] }),
    givenBy: t.expose('givenBy', { type: GivenBy }),
    givenHow: t.expose('givenHow', { type: GivenHow }),
    recordedByUserId: t.exposeID('recordedByUserId'),
    recordedByOrganisationId: t.exposeID('recordedByOrganisationId'),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.asEntity(ConsentRecordType, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => recordLoader(ctx).load(ref.id),
});

builder.queryFields((t) => ({
  consentRecordsForCase: t.prismaField({
    type: ['ConsentRecord'],
    description: 'Every version of every consent record of a case, newest first.',
    args: { caseId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.consentRecord.findMany({
        ...query,
        where: { caseId: String(args.caseId) },
        orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
      }),
  }),
}));

import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import { builder } from '../builder';
import { consentReaderOrganisation } from '../domain/consent-access';
import { consentLoaders, latestInOrder, NEWEST_FIRST } from '../loaders';

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

builder.prismaObjectField(ConsentRecordType, 'history', (t) =>
  t.field({
    type: [ConsentRecordType],
    description: 'Every version of this record, oldest first (this one included): what was given, changed and withdrawn, and by whom.',
    // Batched: the histories of all records in a response load with one query, filtered by organisation.
    resolve: (row, _args, ctx) => consentLoaders(ctx).versionsByRecordId.load(row.recordId),
  }),
);

builder.asEntity(ConsentRecordType, {
  key: builder.selection<{ id: string }>('id'),
  // Another organisation's record (or a malformed id) is never loaded: the reference resolves to null.
  resolveReference: (ref, ctx) => consentLoaders(ctx).recordById.load(ref.id),
});

builder.queryFields((t) => ({
  consentRecordsForCase: t.prismaField({
    type: ['ConsentRecord'],
    description: "The consent records the caller's organisation recorded for a case: each record's latest version (what holds now), newest first; earlier versions under `history`.",
    args: { caseId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const caseId = String(args.caseId);
      if (!isUuid(caseId)) throw new AppError('BAD_USER_INPUT', 'caseId is not a valid id');
      const organisationId = consentReaderOrganisation(ctx.caller);
      // The shield map already requires a coordinator; without an organisation to filter by, load nothing.
      if (!organisationId) return [];
      const versions = await ctx.db.consentRecord.findMany({
        ...query,
        where: { caseId, recordedByOrganisationId: organisationId },
        orderBy: NEWEST_FIRST,
      });
      return latestInOrder(versions);
    },
  }),
}));

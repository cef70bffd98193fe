import { builder } from '../builder';
import { ConsentRecordType } from './consent-record';

/** The cases service owns Case; consent adds the consent history to it. */
export const CaseRef = builder.externalRef('Case', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    consentRecords: t.field({
      type: [ConsentRecordType],
      resolve: (ref, _args, ctx) =>
        ctx.db.consentRecord.findMany({ where: { caseId: ref.id }, orderBy: [{ createdAt: 'desc' }, { version: 'desc' }] }),
    }),
  }),
});

import { builder } from '../builder';
import { consentLoaders } from '../loaders';
import { ConsentRecordType } from './consent-record';

/** The cases service owns Case; consent adds the consent history to it. */
export const CaseRef = builder.externalRef('Case', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    consentRecords: t.field({
      type: [ConsentRecordType],
      description: "The consent records the caller's organisation recorded for this case: each record's latest version, newest first; earlier versions under `history`.",
      // Batched: many Case references in one `_entities` request make one query, filtered by organisation.
      resolve: (ref, _args, ctx) => consentLoaders(ctx).recordsByCaseId.load(ref.id),
    }),
  }),
});

import { builder } from '../builder';
import { consentLoaders } from '../loaders';
import { ConsentRecordType } from './consent-record';

/** The cases service owns Case; consent adds the consent history to it. */
export const CaseRef = builder.externalRef('Case', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    consentRecords: t.field({
      type: [ConsentRecordType],
      description: "Every version of the consent records the caller's organisation recorded for this case, newest first.",
      // Batched: many Case references in one `_entities` request make one query, filtered by organisation.
      resolve: (ref, _args, ctx) => consentLoaders(ctx).recordsByCaseId.load(ref.id),
    }),
  }),
});

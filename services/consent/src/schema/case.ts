import { builder } from '../builder';
import { consentLoaders } from '../loaders';
import { ConsentRecordType } from './consent-record';

/** The cases service owns Case; consent adds the consent history to it. */
export const CaseRef = builder.externalRef('Case', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    // Nullable on purpose: cases resolves the Case and consent only adds this list, so when consent cannot be
    // reached a null here keeps the case instead of nulling it with it (issue 7).
    consentRecords: t.field({
      type: [ConsentRecordType],
      nullable: true,
      description:
        "The consent records the caller's organisation recorded for this case: each record's latest version, newest first; earlier versions under `history`. null only when the consent service could not answer (an error says so; try again later); no records is an empty list.",
      // Batched: many Case references in one `_entities` request make one query, filtered by organisation.
      resolve: (ref, _args, ctx) => consentLoaders(ctx).recordsByCaseId.load(ref.id),
    }),
  }),
});

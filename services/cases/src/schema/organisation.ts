import { builder } from '../builder';

/** Identity owns Organisation; cases only points at one (resolvable: false — nothing to add here). */
export const OrganisationRef = builder
  .externalRef('Organisation', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

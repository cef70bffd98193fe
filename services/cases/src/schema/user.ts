import { builder } from '../builder';

/** Identity owns User; cases only points at one (resolvable: false — nothing to add here). */
export const UserRef = builder
  .externalRef('User', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ externalFields: (t) => ({ id: t.id() }) });

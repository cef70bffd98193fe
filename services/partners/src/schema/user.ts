import { builder } from '../builder';

/** Identity owns User; partners only points at one (who confirmed or last changed a capacity). */
export const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
});

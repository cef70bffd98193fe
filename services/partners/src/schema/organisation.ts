import { builder } from '../builder';

/**
 * Identity owns Organisation (name, kind). Partners adds the directory view of it: the profile and
 * the services (see organisation-profile.ts and service.ts), resolved from the key alone.
 */
export const OrganisationRef = builder.externalRef('Organisation', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id() }),
});

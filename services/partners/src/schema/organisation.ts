import { builder } from '../builder';
import { toHsdsDirectory } from '../domain/hsds-export';
import { partnersLoaders } from '../loaders';

/**
 * Identity owns Organisation (name, kind). Partners adds the directory view of it: the profile and
 * the services (see organisation-profile.ts and service.ts), resolved from the key alone, and the HSDS export.
 */
export const OrganisationRef = builder.externalRef('Organisation', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({ id: t.id(), name: t.string() }),
  fields: (t) => ({
    // HSDS requires the organisation's name, which identity owns: @requires makes the gateway fetch it from
    // identity first. A client exports the whole directory with `{ directoryProfiles { organisation { hsds } } }`
    // and concatenates the four lists.
    hsds: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'This organisation in Open Referral HSDS 3.0: { organizations, services, locations, service_at_locations }; ' +
        'null while it has no directory profile.',
      requires: builder.selection<{ name?: string }>('name'),
      resolve: async (organisation, _args, ctx) => {
        const loaders = partnersLoaders(ctx);
        const [profile, services] = await Promise.all([
          loaders.profileByOrganisation.load(organisation.id),
          loaders.servicesByOrganisation.load(organisation.id),
        ]);
        if (!profile) return null;
        return toHsdsDirectory([{ ...profile, name: organisation.name ?? '' }], services);
      },
    }),
  }),
});

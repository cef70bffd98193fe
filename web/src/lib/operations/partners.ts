import 'server-only';
import { z } from 'zod';
import { defineOperation } from '../gateway';
import { hsdsDirectorySchema } from '../hsds-directory';
import { organisationKindSchema, provinceSchema, serviceTypeSchema, type Province, type ServiceType } from '../vocabulary';

const service = z.object({
  id: z.string(),
  type: serviceTypeSchema,
  name: z.string(),
  province: provinceSchema,
  minAge: z.number().int().nullable(),
  maxAge: z.number().int().nullable(),
});
export type DirectoryService = z.infer<typeof service>;

const profileSchema = z.object({
  province: provinceSchema,
  city: z.string(),
  description: z.string(),
  acceptingReferrals: z.boolean(),
});

const directoryOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  kind: organisationKindSchema,
  // The coordinating organisation has no partner profile.
  profile: profileSchema.nullable(),
  services: z.array(service),
});
export type DirectoryOrganisation = z.infer<typeof directoryOrganisation>;

/** The whole directory: every organisation with its profile and services. */
export const directoryOperation = defineOperation(
  'PortalDirectory',
  /* GraphQL */ `
    query PortalDirectory {
      organisations {
        id
        name
        kind
        profile { province city description acceptingReferrals }
        services { id type name province minAge maxAge }
      }
    }
  `,
  z.object({ organisations: z.array(directoryOrganisation) }),
);

/**
 * Services matching a directory filter, each with its organisation. The portal groups them back into
 * organisations, showing only the services that match.
 */
export const filteredDirectoryOperation = defineOperation(
  'PortalDirectoryServices',
  /* GraphQL */ `
    query PortalDirectoryServices($filter: ServiceFilterInput) {
      services(filter: $filter) {
        id type name province minAge maxAge
        organisation {
          id
          name
          kind
          profile { province city description acceptingReferrals }
        }
      }
    }
  `,
  z.object({
    services: z.array(
      service.extend({
        organisation: z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema, profile: profileSchema.nullable() }),
      }),
    ),
  }),
).withVariables<{ filter: { type?: ServiceType; province?: Province } }>();

/** One organisation with its profile and services (a partner's own organisation). */
export const organisationOperation = defineOperation(
  'PortalOrganisation',
  /* GraphQL */ `
    query PortalOrganisation($id: ID!) {
      organisation(id: $id) {
        id
        name
        kind
        profile { province city description acceptingReferrals }
        services { id type name province minAge maxAge }
      }
    }
  `,
  z.object({ organisation: directoryOrganisation.nullable() }),
).withVariables<{ id: string }>();

/** The network's organisations with where they are, for the auditor's overview. */
export const networkOverviewOperation = defineOperation(
  'PortalNetworkOverview',
  /* GraphQL */ `
    query PortalNetworkOverview {
      organisations {
        id
        name
        kind
        profile { province city }
      }
    }
  `,
  z.object({
    organisations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: organisationKindSchema,
        profile: z.object({ province: provinceSchema, city: z.string() }).nullable(),
      }),
    ),
  }),
);

/**
 * The whole directory in Open Referral HSDS 3.0, one organisation at a time: partners maps each profile,
 * the gateway fetches the organisation's name from identity first (@requires). The portal concatenates the
 * lists (src/lib/hsds-directory.ts) for the download at /directory/hsds.
 */
export const directoryHsdsOperation = defineOperation(
  'PortalDirectoryHsds',
  /* GraphQL */ `
    query PortalDirectoryHsds {
      directoryProfiles {
        organisation { id name hsds }
      }
    }
  `,
  z.object({
    directoryProfiles: z.array(
      z.object({ organisation: z.object({ id: z.string(), name: z.string(), hsds: hsdsDirectorySchema.nullable() }) }),
    ),
  }),
);

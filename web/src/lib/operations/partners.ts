import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/** Partners subgraph operations the portal uses (schema/partners.graphql). */

/** The whole directory: every organisation with its profile and services. */
export const directoryOperation = graphql(`
  query PortalDirectory {
    organisations {
      id
      name
      kind
      profile { province city description acceptingReferrals }
      services { id type name province minAge maxAge }
    }
  }
`);
/** An organisation in the directory; the coordinating organisation has no partner profile. */
export type DirectoryOrganisation = ResultOf<typeof directoryOperation>['organisations'][number];
export type DirectoryService = DirectoryOrganisation['services'][number];

/**
 * Services matching a directory filter, each with its organisation. The portal groups them back into
 * organisations, showing only the services that match.
 */
export const filteredDirectoryOperation = graphql(`
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
`);

/** One organisation with its profile and services (a partner's own organisation). */
export const organisationOperation = graphql(`
  query PortalOrganisation($id: ID!) {
    organisation(id: $id) {
      id
      name
      kind
      profile { province city description acceptingReferrals }
      services { id type name province minAge maxAge }
    }
  }
`);

/** The network's organisations with where they are, for the auditor's overview. */
export const networkOverviewOperation = graphql(`
  query PortalNetworkOverview {
    organisations {
      id
      name
      kind
      profile { province city }
    }
  }
`);

/**
 * The whole directory in Open Referral HSDS 3.0, one organisation at a time: partners maps each profile,
 * the gateway fetches the organisation's name from identity first (@requires). The portal checks each
 * `hsds` value (a JSON scalar, so untyped) and concatenates the lists (src/lib/hsds-directory.ts) for the
 * download at /directory/hsds.
 */
export const directoryHsdsOperation = graphql(`
  query PortalDirectoryHsds {
    directoryProfiles {
      organisation { id name hsds }
    }
  }
`);

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

/** A partner's own directory profile, every field the profile form edits (organisational data only). */
export const organisationProfileOperation = graphql(`
  query PortalOrganisationProfile($id: ID!) {
    organisation(id: $id) {
      id
      name
      profile {
        careKind description province regionsServed street postalCode city latitude longitude
        intakePhone intakeEmail intakeHours languages acceptingReferrals updatedAt
      }
    }
  }
`);
export type EditableProfile = NonNullable<NonNullable<ResultOf<typeof organisationProfileOperation>['organisation']>['profile']>;

export const updateOrganisationProfileOperation = graphql(`
  mutation PortalUpdateOrganisationProfile($input: UpdateOrganisationProfileInput!) {
    updateOrganisationProfile(input: $input) { updatedAt }
  }
`);

/** One service with its eligibility, for the partner admin's service form. */
export const editableServiceOperation = graphql(`
  query PortalEditableService($id: ID!) {
    service(id: $id) {
      id type name description province minAge maxAge genders languages exploitationTypes exclusions
      street postalCode city latitude longitude updatedAt
      organisation { id }
    }
  }
`);
export type EditableService = NonNullable<ResultOf<typeof editableServiceOperation>['service']>;

export const createServiceOperation = graphql(`
  mutation PortalCreateService($input: CreateServiceInput!) {
    createService(input: $input) { id }
  }
`);

export const updateServiceOperation = graphql(`
  mutation PortalUpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) { id updatedAt }
  }
`);

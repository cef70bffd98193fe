import { hasActiveOrganisation, hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRules } from 'graphql-shield';

// The directory is shared by every member of the network: anyone working for an organisation
// reads all profiles and services. Changing an entry takes a partner admin of that organisation or
// a network admin; the "of that organisation" half is checked in domain/may-manage-organisation.ts.
const member = hasActiveOrganisation;
const directoryAdmin = hasRole('PARTNER_ADMIN', 'NETWORK_ADMIN');

export const partnersPermissions: IRules = {
  Query: {
    services: member,
    service: member,
    directoryProfiles: member,
    _entities: member,
    _service: isSignedIn,
  },
  Mutation: {
    updateOrganisationProfile: directoryAdmin,
    updateService: directoryAdmin,
  },
  Organisation: {
    id: member,
    profile: member,
    services: member,
  },
  OrganisationProfile: {
    organisation: member,
    description: member,
    province: member,
    city: member,
    acceptingReferrals: member,
    updatedAt: member,
  },
  Service: {
    id: member,
    type: member,
    name: member,
    description: member,
    province: member,
    minAge: member,
    maxAge: member,
    organisation: member,
  },
  _Service: isSignedIn,
};

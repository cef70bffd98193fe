import { hasActiveOrganisation, hasRole, isSignedIn } from '@haven/kit/src/graphql/permissions';
import type { IRules } from 'graphql-shield';

// The directory is shared by every member of the network: anyone working for an organisation
// reads all profiles and services. Changing an entry takes a partner admin of that organisation or
// a network admin; the "of that organisation" half is checked in domain/may-manage-organisation.ts.
// Capacity is read by every member (coordinators search it) and stated only by partner staff or admins of
// the service's own organisation — not a network admin: the "own organisation" half is checked per
// service in domain/update-capacity.ts (it depends on the target, so it is no cached rule).
// Holding and releasing slots is not GraphQL at all: internal routes for the cases service only.
const member = hasActiveOrganisation;
const directoryAdmin = hasRole('PARTNER_ADMIN', 'NETWORK_ADMIN');
const partnerStaff = hasRole('PARTNER_STAFF', 'PARTNER_ADMIN');
// Matching is case work: only coordinators place people. Its result types are reachable only through
// matchServices, so their fields need no more than membership.
const coordinator = hasRole('COORDINATOR');

export const partnersPermissions: IRules = {
  Query: {
    services: member,
    service: member,
    directoryProfiles: member,
    matchServices: coordinator,
    _entities: member,
    _service: isSignedIn,
  },
  Mutation: {
    updateOrganisationProfile: directoryAdmin,
    updateService: directoryAdmin,
    updateCapacity: partnerStaff,
  },
  Organisation: {
    id: member,
    name: member,
    profile: member,
    services: member,
    hsds: member,
  },
  OrganisationProfile: {
    organisation: member,
    careKind: member,
    description: member,
    province: member,
    regionsServed: member,
    street: member,
    postalCode: member,
    city: member,
    latitude: member,
    longitude: member,
    intakePhone: member,
    intakeEmail: member,
    intakeHours: member,
    languages: member,
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
    acceptsMinors: member,
    genders: member,
    languages: member,
    exploitationTypes: member,
    exclusions: member,
    street: member,
    postalCode: member,
    city: member,
    latitude: member,
    longitude: member,
    updatedAt: member,
    organisation: member,
    capacity: member,
  },
  Capacity: {
    service: member,
    totalSlots: member,
    heldSlots: member,
    availableSlots: member,
    waitlistLength: member,
    paused: member,
    confirmedAt: member,
    confirmedBy: member,
    updatedAt: member,
    updatedBy: member,
    stale: member,
  },
  MatchResult: {
    ranked: member,
    excluded: member,
  },
  RankedService: {
    service: member,
    score: member,
    distanceKm: member,
    breakdown: member,
  },
  ScoreFactor: {
    factor: member,
    points: member,
    max: member,
    explanation: member,
  },
  ExcludedService: {
    service: member,
    reasons: member,
  },
  User: {
    id: member,
  },
  _Service: isSignedIn,
};

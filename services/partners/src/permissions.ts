import { hasRole, isSignedIn, memberOrScope, mergeRuleMaps, roleOrScope } from '@haven/kit/src/graphql/permissions';
import { or, type IRules } from 'graphql-shield';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import { statisticsRules } from './rules/statistics-rules';

// The directory is shared by every member of the network: anyone working for an organisation
// reads all profiles and services. Changing an entry takes a partner admin of that organisation or
// a network admin; the "of that organisation" half is checked in domain/may-manage-organisation.ts.
// Capacity is read by every member (coordinators search it) and stated only by partner staff or admins of
// the service's own organisation — not a network admin: the "own organisation" half is checked per
// service in domain/update-capacity.ts (it depends on the target, so it is no cached rule).
// Holding and releasing slots is not GraphQL at all: internal routes for the cases service only.
// Integrations (API tokens) read the directory "like any member" with directory:read, and state their own
// organisation's capacity with capacity:write (the organisation half again in domain/update-capacity.ts).
// They never edit profiles or services and never match: those rules take roles, which a token has none of.
const member = memberOrScope('directory:read');
const directoryAdmin = hasRole('PARTNER_ADMIN', 'NETWORK_ADMIN');
const partnerStaff = roleOrScope(['PARTNER_STAFF', 'PARTNER_ADMIN'], 'capacity:write');
// What updateCapacity answers is readable by whoever may make it (an integration with capacity:write only).
const capacityReader = or(member, partnerStaff);
// Matching is case work: only coordinators place people. Its result types are reachable only through
// matchServices, so their fields need no more than membership.
const coordinator = hasRole('COORDINATOR');

const directoryRules: IRuleTypeMap = {
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
    createService: directoryAdmin,
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
    updatedBy: member,
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
    updatedBy: member,
    organisation: member,
    capacity: member,
  },
  Capacity: {
    service: capacityReader,
    totalSlots: capacityReader,
    heldSlots: capacityReader,
    availableSlots: capacityReader,
    waitlistLength: capacityReader,
    paused: capacityReader,
    confirmedAt: capacityReader,
    confirmedBy: capacityReader,
    updatedAt: capacityReader,
    updatedBy: capacityReader,
    stale: capacityReader,
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
    detail: member,
    explanation: member,
  },
  ScoreDetail: {
    code: member,
    km: member,
    place: member,
    region: member,
    languages: member,
    waitlist: member,
    freeSlots: member,
    totalSlots: member,
    staleDays: member,
    decided: member,
    acceptancePercent: member,
    medianHours: member,
  },
  ExcludedService: {
    service: member,
    why: member,
    reasons: member,
  },
  ExclusionReason: {
    code: member,
    serviceType: member,
    age: member,
    limit: member,
    gender: member,
    exploitationType: member,
  },
  User: {
    id: member,
  },
  _Service: isSignedIn,
};

/** The partners subgraph's one permission map (fallback deny): the directory's rules above, statistics in their own file. */
export const partnersPermissions: IRules = mergeRuleMaps(directoryRules, statisticsRules);

import { createHash } from 'node:crypto';
import type { OrganisationProfile, Service } from '../generated/prisma/client';

/**
 * The directory in Open Referral HSDS 3.0 (https://docs.openreferral.org/en/v3.0/): organizations, services,
 * locations and service_at_locations, so other directories can read Haven's. Pure: the caller loads the rows.
 *
 * Mapping decisions:
 * - organization.id and service.id are Haven's own uuids; HSDS wants uuids for every other object too, so
 *   locations, addresses, phones and languages get stable name-based uuids (the same export twice is equal).
 * - one location per organisation (its address), plus one per service that states its own place; a service
 *   without one is linked (service_at_location) to its organisation's location.
 * - status: "active", or "temporarily closed" while the organisation accepts no referrals.
 * - eligibility: minimum_age/maximum_age as is; genders, exploitation types and exclusions in
 *   eligibility_description (HSDS has no structured field for them); languages as HSDS language objects.
 * - the organisation's name comes from identity (it owns it): the caller passes it in.
 * - only organisational contact data is exported (the intake desk), never a person's.
 */
export interface HsdsDirectory {
  organizations: Record<string, unknown>[];
  services: Record<string, unknown>[];
  locations: Record<string, unknown>[];
  service_at_locations: Record<string, unknown>[];
}

export type HsdsProfile = OrganisationProfile & { name: string };

/** A stable uuid (version 5 layout) from a name, for the HSDS objects Haven has no id of its own for. */
export function hsdsUuid(name: string): string {
  const bytes = createHash('sha1').update(`haven-hsds:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const PROVINCE_NAMES: Record<string, string> = {
  GRONINGEN: 'Groningen',
  FRIESLAND: 'Friesland',
  DRENTHE: 'Drenthe',
  OVERIJSSEL: 'Overijssel',
  FLEVOLAND: 'Flevoland',
  GELDERLAND: 'Gelderland',
  UTRECHT: 'Utrecht',
  NOORD_HOLLAND: 'Noord-Holland',
  ZUID_HOLLAND: 'Zuid-Holland',
  ZEELAND: 'Zeeland',
  NOORD_BRABANT: 'Noord-Brabant',
  LIMBURG: 'Limburg',
};

interface Place {
  street: string;
  postalCode: string;
  city: string;
  province: string;
  latitude: number | null;
  longitude: number | null;
}

function location(id: string, organisationId: string, name: string, place: Place, languages: string[]) {
  return {
    id,
    location_type: 'physical',
    organization_id: organisationId,
    name,
    ...(place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : {}),
    languages: languages.map((code) => ({ id: hsdsUuid(`language:${id}:${code}`), code })),
    addresses: [
      {
        id: hsdsUuid(`address:${id}`),
        location_id: id,
        address_1: place.street,
        city: place.city,
        state_province: PROVINCE_NAMES[place.province] ?? place.province,
        postal_code: place.postalCode,
        country: 'NL',
        address_type: 'physical',
      },
    ],
  };
}

function eligibilityDescription(service: Service): string {
  const parts = [
    service.genders.length > 0 ? `Genders: ${service.genders.join(', ').toLowerCase()}.` : 'All genders.',
    service.exploitationTypes.length > 0
      ? `Forms of exploitation: ${service.exploitationTypes.join(', ').toLowerCase()}.`
      : 'All forms of exploitation.',
    service.minAge === null || service.minAge < 18 ? 'Minors accepted.' : 'Adults only.',
  ];
  if (service.exclusions) parts.push(`Not for: ${service.exclusions}`);
  return parts.join(' ');
}

export function toHsdsDirectory(profiles: HsdsProfile[], services: Service[]): HsdsDirectory {
  const byOrganisation = new Map(profiles.map((profile) => [profile.organisationId, profile]));
  const organizations = profiles.map((profile) => ({
    id: profile.organisationId,
    name: profile.name,
    description: profile.description,
    ...(profile.intakeEmail ? { email: profile.intakeEmail } : {}),
    phones: profile.intakePhone
      ? [{ id: hsdsUuid(`phone:${profile.organisationId}`), organization_id: profile.organisationId, number: profile.intakePhone, description: `Intake desk. ${profile.intakeHours}`.trim() }]
      : [],
  }));
  const locations = profiles.map((profile) =>
    location(hsdsUuid(`location:organisation:${profile.organisationId}`), profile.organisationId, profile.name, profile, profile.languages),
  );
  const exported: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  for (const service of services) {
    const profile = byOrganisation.get(service.organisationId);
    // A service is exported with its organisation; one without a profile has nobody to be listed under.
    if (!profile) continue;
    let locationId = hsdsUuid(`location:organisation:${profile.organisationId}`);
    if (service.city) {
      locationId = hsdsUuid(`location:service:${service.id}`);
      locations.push(location(locationId, profile.organisationId, service.name, { ...service, province: service.province }, service.languages));
    }
    exported.push({
      id: service.id,
      organization_id: service.organisationId,
      name: service.name,
      description: service.description,
      status: profile.acceptingReferrals ? 'active' : 'temporarily closed',
      eligibility_description: eligibilityDescription(service),
      ...(service.minAge !== null ? { minimum_age: service.minAge } : {}),
      ...(service.maxAge !== null ? { maximum_age: service.maxAge } : {}),
      languages: service.languages.map((code) => ({ id: hsdsUuid(`language:${service.id}:${code}`), service_id: service.id, code })),
      last_modified: service.updatedAt.toISOString(),
    });
    links.push({ id: hsdsUuid(`service_at_location:${service.id}:${locationId}`), service_id: service.id, location_id: locationId });
  }
  return { organizations, services: exported, locations, service_at_locations: links };
}

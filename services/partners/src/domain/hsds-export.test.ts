import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OrganisationProfile, Service } from '../generated/prisma/client';
import { hsdsUuid, toHsdsDirectory, type HsdsProfile } from './hsds-export';

// The compiled HSDS 3.0 schemas declare no $schema: they are draft-07 style, which plain Ajv (draft-07) reads.
// strict: false because they carry HSDS' own annotation keywords (core, constraints, example, datapackage_metadata).
function validator(file: string, pick?: (schema: Record<string, any>) => object): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', 'hsds', 'schemas', file), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(pick ? pick(schema) : schema);
}

const organisationA = '0b8f6f0e-8d3e-4c55-9a57-0f4e2a7f1a01';
const organisationB = '0b8f6f0e-8d3e-4c55-9a57-0f4e2a7f1a02';
const at = new Date('2026-11-30T01:00:00.000Z');

const profileBase: OrganisationProfile = {
  organisationId: organisationA,
  careKind: 'SHELTER',
  description: 'Safe house',
  province: 'OVERIJSSEL',
  regionsServed: ['OVERIJSSEL', 'GELDERLAND'],
  street: 'Voorbeeldstraat 1',
  postalCode: '8011 AB',
  city: 'Zwolle',
  latitude: 52.5168,
  longitude: 6.083,
  intakePhone: '+31 38 123 4567',
  intakeEmail: 'intake@shelter.example',
  intakeHours: 'Mon–Fri 9–17',
  languages: ['nl', 'en'],
  acceptingReferrals: true,
  updatedAt: at,
  updatedByUserId: null,
};
const profiles: HsdsProfile[] = [
  { ...profileBase, name: 'Shelter A' },
  // Minimal: no coordinates, no contact, not accepting referrals.
  {
    ...profileBase,
    organisationId: organisationB,
    name: 'Clinic B',
    street: '',
    postalCode: '',
    latitude: null,
    longitude: null,
    intakePhone: '',
    intakeEmail: '',
    languages: [],
    acceptingReferrals: false,
  },
];
const serviceBase: Service = {
  id: '1c2d3e4f-0000-4000-8000-000000000001',
  organisationId: organisationA,
  type: 'SHELTER',
  name: 'Beds for minors',
  description: 'Small secure group home',
  province: 'OVERIJSSEL',
  street: '',
  postalCode: '',
  city: '',
  latitude: null,
  longitude: null,
  minAge: 12,
  maxAge: 17,
  genders: ['FEMALE'],
  languages: ['nl', 'ro'],
  exploitationTypes: ['SEXUAL', 'CRIMINAL'],
  exclusions: 'no active addiction',
  createdAt: at,
  updatedAt: at,
  updatedByUserId: null,
};
const services: Service[] = [
  serviceBase,
  { ...serviceBase, id: '1c2d3e4f-0000-4000-8000-000000000002', organisationId: organisationB, name: 'Clinic', minAge: null, maxAge: null, genders: [], exploitationTypes: [], exclusions: '', city: 'Maastricht', street: 'Markt 1', postalCode: '6211 CK', latitude: 50.85, longitude: 5.69 },
  // A service whose organisation has no profile is left out (nobody to list it under).
  { ...serviceBase, id: '1c2d3e4f-0000-4000-8000-000000000003', organisationId: '0b8f6f0e-8d3e-4c55-9a57-0f4e2a7f1a09' },
];

describe('HSDS 3.0 directory export', () => {
  const directory = toHsdsDirectory(profiles, services);

  function expectValid(validate: ValidateFunction, objects: unknown[]) {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const ok = validate(object);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  }

  it('exports organizations that satisfy the HSDS 3.0 organization schema', () => {
    expectValid(validator('organization.json'), directory.organizations);
  });

  it('exports services that satisfy the HSDS 3.0 service schema', () => {
    expectValid(validator('service.json'), directory.services);
  });

  it('exports locations that satisfy the HSDS 3.0 location schema', () => {
    expectValid(validator('service_at_location.json', (schema) => schema.properties.location), directory.locations);
  });

  it('exports service_at_locations that satisfy the HSDS 3.0 schema and link existing services and locations', () => {
    expectValid(validator('service_at_location.json'), directory.service_at_locations);
    const serviceIds = new Set(directory.services.map((s) => s.id));
    const locationIds = new Set(directory.locations.map((l) => l.id));
    for (const link of directory.service_at_locations) {
      expect(serviceIds.has(link.service_id)).toBe(true);
      expect(locationIds.has(link.location_id)).toBe(true);
    }
  });

  it('the validator rejects an object that breaks the schema (so the checks above can fail)', () => {
    const validate = validator('service.json');
    expect(validate({ id: 'not-a-uuid', name: 'x', status: 'open' })).toBe(false);
  });

  it('maps eligibility, status and places as documented', () => {
    const [minors, clinic] = directory.services;
    expect(minors).toMatchObject({ minimum_age: 12, maximum_age: 17, status: 'active', organization_id: organisationA });
    expect(minors!.eligibility_description).toContain('Minors accepted');
    expect(minors!.eligibility_description).toContain('sexual, criminal');
    expect(clinic).toMatchObject({ status: 'temporarily closed' });
    expect(clinic).not.toHaveProperty('minimum_age');
    expect(directory.services).toHaveLength(2);
    // The minors' service sits at its organisation's address; the clinic at its own.
    const placeOf = (serviceId: unknown) => directory.service_at_locations.find((l) => l.service_id === serviceId)!.location_id;
    expect(placeOf(minors!.id)).toBe(hsdsUuid(`location:organisation:${organisationA}`));
    const clinicPlace = directory.locations.find((l) => l.id === placeOf(clinic!.id))!;
    expect(clinicPlace).toMatchObject({ latitude: 50.85, longitude: 5.69 });
  });

  it('gives the same ids on every export', () => {
    expect(toHsdsDirectory(profiles, services)).toEqual(directory);
  });
});

import { PROVINCES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { allPlaces } from '@haven/kit/src/geo/gazetteer';
import type { DemoProfile } from '../demo-network';
import { stableUuid } from '../stack/stable-uuid';
import type { CapacityRow, ServiceRow } from './datasets';
import { random } from './random';

const SERVICES_PER_ORGANISATION = 3;

/**
 * A fictional directory of `count` services, three per organisation, spread over the gazetteer's towns with
 * a mix of eligibility rules and capacity states. Deterministic (fixed seed, name-derived UUIDs): every run
 * and every machine times the same directory. Rows are in the partners tables' shape, for createMany.
 */
export function generatedDirectory(count: number, now: Date) {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const places = allPlaces();
  const profiles: DemoProfile[] = [];
  const services: ServiceRow[] = [];
  const capacities: CapacityRow[] = [];
  for (let n = 0; n < count; n += 1) {
    if (n % SERVICES_PER_ORGANISATION === 0) {
      const place = pick(places);
      profiles.push({
        organisationId: stableUuid(`bench-organisation-${n / SERVICES_PER_ORGANISATION}`),
        careKind: 'OTHER',
        description: '',
        province: place.province,
        regionsServed: [...new Set([place.province, pick(PROVINCES)])],
        city: place.name,
        latitude: place.latitude,
        longitude: place.longitude,
        intakePhone: '',
        intakeEmail: '',
        intakeHours: '',
        languages: ['nl', 'en'],
        acceptingReferrals: next() > 0.05,
      });
    }
    const organisation = profiles[profiles.length - 1]!;
    // Most services are given at the organisation's address (city left empty); some elsewhere.
    const elsewhere = next() < 0.3 ? pick(places) : null;
    const minAge = next() < 0.5 ? 18 : null;
    const id = stableUuid(`bench-service-${n}`);
    services.push({
      id,
      organisationId: organisation.organisationId,
      type: pick(SERVICE_TYPES),
      name: `Generated service ${n}`,
      description: '',
      province: elsewhere?.province ?? organisation.province,
      city: elsewhere?.name ?? '',
      latitude: elsewhere?.latitude ?? null,
      longitude: elsewhere?.longitude ?? null,
      minAge,
      maxAge: minAge === null && next() < 0.3 ? 23 : null,
      genders: next() < 0.3 ? [pick(['FEMALE', 'MALE'] as const)] : [],
      languages: next() < 0.5 ? [pick(['en', 'ar', 'ro', 'pl', 'bg', 'es'])] : [],
      exploitationTypes: next() < 0.3 ? [pick(['SEXUAL', 'LABOUR', 'CRIMINAL'] as const)] : [],
      exclusions: '',
    });
    if (next() >= 0.1) {
      capacities.push({
        serviceId: id,
        totalSlots: Math.floor(next() * 10),
        waitlistLength: Math.floor(next() * 4),
        paused: next() < 0.05,
        confirmedAt: now,
      });
    }
  }
  return { profiles, services, capacities };
}

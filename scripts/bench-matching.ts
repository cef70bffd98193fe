// Matching latency (not a test): the pure ranking over the seeded demo network's services and over 10,000
// generated ones, p50/p95 side by side. Run with `npm run bench`. No database: it times the ranking only,
// which is what grows with the directory; loading is one batched query whatever the size.
import { performance } from 'node:perf_hooks';
import { PROVINCES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { allPlaces, findPlace } from '@haven/partners/src/geo/gazetteer';
import { matchServices, type MatchCandidate, type MatchRequest } from '@haven/partners/src/domain/match-services';
import { buildDemoNetwork } from './demo-network';

const RUNS = 300;
const WARMUP = 30;

function seededCandidates(): MatchCandidate[] {
  const network = buildDemoNetwork();
  const profiles = new Map(network.profiles.map((p) => [p.organisationId, p]));
  const capacities = new Map(network.capacities.map((c) => [c.serviceId, c]));
  return network.services.map((s) => {
    const profile = profiles.get(s.organisationId)!;
    const capacity = capacities.get(s.id);
    return {
      ...s,
      city: '',
      latitude: null,
      longitude: null,
      organisation: profile,
      capacity: capacity ? { totalSlots: capacity.totalSlots, heldSlots: 0, waitlistLength: capacity.waitlistLength, paused: capacity.paused } : null,
    };
  });
}

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same directory. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatedCandidates(count: number): MatchCandidate[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const places = allPlaces();
  return Array.from({ length: count }, (_, n) => {
    const place = pick(places);
    const minAge = next() < 0.5 ? 18 : null;
    return {
      id: `generated-${String(n).padStart(5, '0')}`,
      organisationId: `org-${Math.floor(n / 3)}`,
      type: pick(SERVICE_TYPES),
      province: place.province,
      minAge,
      maxAge: minAge === null && next() < 0.3 ? 23 : null,
      genders: next() < 0.3 ? [pick(['FEMALE', 'MALE'] as const)] : [],
      languages: next() < 0.5 ? [pick(['en', 'ar', 'ro', 'pl', 'bg', 'es'])] : [],
      exploitationTypes: next() < 0.3 ? [pick(['SEXUAL', 'LABOUR', 'CRIMINAL'] as const)] : [],
      city: place.name,
      latitude: place.latitude,
      longitude: place.longitude,
      organisation: {
        city: place.name,
        latitude: place.latitude,
        longitude: place.longitude,
        languages: ['nl', 'en'],
        regionsServed: [place.province, pick(PROVINCES)],
        acceptingReferrals: next() > 0.05,
      },
      capacity: next() < 0.1 ? null : { totalSlots: Math.floor(next() * 10), heldSlots: 0, waitlistLength: Math.floor(next() * 4), paused: next() < 0.05 },
    };
  });
}

const utrecht = findPlace('Utrecht')!;
const REQUEST: MatchRequest = {
  serviceTypes: ['SHELTER', 'MEDICAL_CARE', 'LEGAL_AID'],
  age: 19,
  gender: 'FEMALE',
  languages: ['ro', 'en'],
  exploitationType: 'SEXUAL',
  location: { latitude: utrecht.latitude, longitude: utrecht.longitude, label: utrecht.name },
  urgency: 'URGENT',
  allowWaitlist: true,
};

function time(candidates: MatchCandidate[]) {
  for (let i = 0; i < WARMUP; i += 1) matchServices(candidates, REQUEST);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    matchServices(candidates, REQUEST);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { count: candidates.length, p50: at(0.5), p95: at(0.95) };
}

const seeded = time(seededCandidates());
const generated = time(generatedCandidates(10_000));
const ms = (n: number) => `${n.toFixed(3)} ms`.padStart(12);
console.log(`matchServices, ${RUNS} runs each (pure ranking, no database)`);
console.log(`${''.padEnd(8)}${'seeded'.padStart(12)}${'generated'.padStart(12)}${'ratio'.padStart(10)}`);
console.log(`${'services'.padEnd(8)}${String(seeded.count).padStart(12)}${String(generated.count).padStart(12)}${(generated.count / seeded.count).toFixed(1).padStart(10)}`);
console.log(`${'p50'.padEnd(8)}${ms(seeded.p50)}${ms(generated.p50)}${(generated.p50 / seeded.p50).toFixed(1).padStart(10)}`);
console.log(`${'p95'.padEnd(8)}${ms(seeded.p95)}${ms(generated.p95)}${(generated.p95 / seeded.p95).toFixed(1).padStart(10)}`);

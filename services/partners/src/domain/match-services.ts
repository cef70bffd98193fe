import type { Province, ServiceType, Urgency } from '@haven/kit/src/taxonomy';
import { availableSlots, isCapacityStale } from './capacity-view';
import { distanceKm, type Coordinates } from '@haven/kit/src/geo/gazetteer';

// Pure ranking of directory services for one person's needs: no database, no GraphQL. The resolver loads
// the candidates and passes them in; everything that decides the order lives here and is unit-tested.

export type MatchGender = 'FEMALE' | 'MALE' | 'NON_BINARY';
export type MatchExploitationType = 'SEXUAL' | 'LABOUR' | 'CRIMINAL' | 'OTHER';
export type MatchUrgency = Urgency;

/** One service as the ranking needs it: eligibility, place, its organisation and its capacity (null: never stated). */
export interface MatchCandidate {
  id: string;
  organisationId: string;
  type: ServiceType;
  province: Province;
  minAge: number | null;
  maxAge: number | null;
  genders: readonly MatchGender[];
  languages: readonly string[];
  exploitationTypes: readonly MatchExploitationType[];
  city: string;
  latitude: number | null;
  longitude: number | null;
  organisation: {
    city: string;
    latitude: number | null;
    longitude: number | null;
    languages: readonly string[];
    regionsServed: readonly Province[];
    acceptingReferrals: boolean;
  };
  capacity: {
    totalSlots: number;
    heldSlots: number;
    waitlistLength: number;
    paused: boolean;
    /** When the organisation last confirmed it; null = never; left out = not known to the caller (not judged). */
    confirmedAt?: Date | null;
  } | null;
}

/** How an organisation has answered referrals so far; `decided` = referrals accepted, declined or expired. */
export interface ResponseRecord {
  acceptanceRate: number;
  medianResponseHours: number;
  decided: number;
}

export interface MatchRequest {
  serviceTypes: readonly ServiceType[];
  age?: number | null;
  gender?: MatchGender | null;
  /** ISO 639-1 codes the person speaks; only these count (no language is assumed). */
  languages: readonly string[];
  exploitationType?: MatchExploitationType | null;
  /** Where the person is: coordinates win over a named place (the caller resolves names with the gazetteer). */
  location?: (Coordinates & { label: string }) | null;
  /** Province to stay in when no location is known: a softer stand-in for distance. */
  region?: Province | null;
  urgency: MatchUrgency;
  /** Keep services that are full but not paused (the person can go on their waitlist). */
  allowWaitlist: boolean;
}

export interface MatchOptions {
  /** Response record per organisation id; absent = no history (scored neutral, never penalised). */
  responseRecords?: ReadonlyMap<string, ResponseRecord>;
  /** Capacity not confirmed for this many days earns half its points (it may no longer be true); absent = not judged. */
  capacityStaleDays?: number;
  /** The moment staleness is judged at (tests fix it). */
  now?: Date;
}

export type MatchFactor = 'DISTANCE' | 'LANGUAGE' | 'CAPACITY' | 'RESPONSE';

export interface ScoreFactor {
  factor: MatchFactor;
  points: number;
  max: number;
  explanation: string;
}

export interface RankedMatch<C extends MatchCandidate = MatchCandidate> {
  service: C;
  score: number;
  distanceKm: number | null;
  breakdown: ScoreFactor[];
}

export interface ExcludedMatch<C extends MatchCandidate = MatchCandidate> {
  service: C;
  reasons: string[];
}

export interface MatchResult<C extends MatchCandidate = MatchCandidate> {
  ranked: RankedMatch<C>[];
  excluded: ExcludedMatch<C>[];
}

/**
 * Points per factor; each set adds up to 100. For IMMEDIATE the person needs a place today, and travel is
 * the thing that most often makes a far-away yes useless, so distance takes points from the softer factors.
 */
export const MATCH_WEIGHTS: Readonly<Record<'DEFAULT' | 'IMMEDIATE', Readonly<Record<MatchFactor, number>>>> = {
  DEFAULT: { DISTANCE: 35, LANGUAGE: 25, CAPACITY: 20, RESPONSE: 20 },
  IMMEDIATE: { DISTANCE: 55, LANGUAGE: 20, CAPACITY: 15, RESPONSE: 10 },
};
/** Distance points fall linearly from full at 0 km to none at this distance (the Netherlands is ~300 km long). */
export const DISTANCE_ZERO_KM = 200;
/** Free slots beyond this many earn nothing more: a service with 40 free beds is not 10× better than one with 4. */
export const CAPACITY_CAP_SLOTS = 5;
/** Fewer decided referrals than this is too little to judge an organisation by: it gets the neutral middle. */
export const RESPONSE_MIN_DECIDED = 5;
/** A median answer within this many hours earns full speed points; at RESPONSE_SLOW_HOURS none. */
export const RESPONSE_FAST_HOURS = 4;
export const RESPONSE_SLOW_HOURS = 72;
/** Share of the capacity points a stale statement keeps: free slots nobody confirmed lately may be gone. */
export const STALE_CAPACITY_SHARE = 0.5;
/** Share of a factor's maximum given when nothing is known: the middle, so missing data neither helps nor hurts. */
const NEUTRAL = 0.5;

export function weightsFor(urgency: MatchUrgency): Readonly<Record<MatchFactor, number>> {
  return urgency === 'IMMEDIATE' ? MATCH_WEIGHTS.IMMEDIATE : MATCH_WEIGHTS.DEFAULT;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Why a service cannot take this person; an empty list means it can. */
export function exclusionReasons(candidate: MatchCandidate, request: MatchRequest): string[] {
  const reasons: string[] = [];
  if (!request.serviceTypes.includes(candidate.type)) reasons.push(`service type ${candidate.type} not needed`);
  const age = request.age;
  if (age !== null && age !== undefined) {
    if (candidate.minAge !== null && age < candidate.minAge) reasons.push(`age ${age} below minimum ${candidate.minAge}`);
    if (candidate.maxAge !== null && age > candidate.maxAge) reasons.push(`age ${age} above maximum ${candidate.maxAge}`);
  }
  if (request.gender && candidate.genders.length > 0 && !candidate.genders.includes(request.gender)) {
    reasons.push(`gender ${request.gender} not served`);
  }
  if (
    request.exploitationType &&
    candidate.exploitationTypes.length > 0 &&
    !candidate.exploitationTypes.includes(request.exploitationType)
  ) {
    reasons.push(`exploitation type ${request.exploitationType} not served`);
  }
  if (!candidate.organisation.acceptingReferrals) reasons.push('organisation not accepting referrals');
  const capacity = candidate.capacity;
  if (!capacity) {
    reasons.push('no capacity stated');
  } else if (capacity.paused) {
    reasons.push('paused');
  } else if (availableSlots(capacity) === 0 && !request.allowWaitlist) {
    reasons.push('no free slots');
  }
  return reasons;
}

function candidatePosition(candidate: MatchCandidate): { at: Coordinates; label: string } | null {
  if (candidate.latitude !== null && candidate.longitude !== null) {
    return { at: { latitude: candidate.latitude, longitude: candidate.longitude }, label: candidate.city };
  }
  const org = candidate.organisation;
  if (org.latitude !== null && org.longitude !== null) return { at: { latitude: org.latitude, longitude: org.longitude }, label: org.city };
  return null;
}

function distanceFactor(candidate: MatchCandidate, request: MatchRequest, max: number): { factor: ScoreFactor; km: number | null } {
  const position = candidatePosition(candidate);
  if (request.location && position) {
    const km = distanceKm(request.location, position.at);
    const points = max * clamp01(1 - km / DISTANCE_ZERO_KM);
    return {
      km,
      factor: { factor: 'DISTANCE', points: round1(points), max, explanation: `${Math.round(km)} km from ${request.location.label}` },
    };
  }
  if (!request.location && request.region) {
    // No point to measure from: staying inside the asked province is the best we can tell.
    const serves = candidate.province === request.region || candidate.organisation.regionsServed.includes(request.region);
    return {
      km: null,
      factor: serves
        ? { factor: 'DISTANCE', points: round1(max * 0.75), max, explanation: `serves ${request.region}` }
        : { factor: 'DISTANCE', points: round1(max * 0.25), max, explanation: `outside ${request.region}` },
    };
  }
  const explanation = request.location ? 'service location unknown — neutral' : 'no location given — neutral';
  return { km: null, factor: { factor: 'DISTANCE', points: round1(max * NEUTRAL), max, explanation } };
}

function languageFactor(candidate: MatchCandidate, request: MatchRequest, max: number): ScoreFactor {
  if (request.languages.length === 0) return { factor: 'LANGUAGE', points: round1(max * NEUTRAL), max, explanation: 'no language given — neutral' };
  const spoken = new Set([...candidate.languages, ...candidate.organisation.languages].map((l) => l.toLowerCase()));
  const shared = request.languages.map((l) => l.toLowerCase()).filter((l) => spoken.has(l));
  if (shared.length > 0) return { factor: 'LANGUAGE', points: max, max, explanation: `speaks ${shared.join(', ')}` };
  return { factor: 'LANGUAGE', points: 0, max, explanation: `speaks none of ${request.languages.join(', ')}` };
}

function capacityFactor(candidate: MatchCandidate, max: number, options: MatchOptions): ScoreFactor {
  const capacity = candidate.capacity!;
  const free = availableSlots(capacity);
  if (free === 0) {
    return { factor: 'CAPACITY', points: 0, max, explanation: `full — waitlist of ${capacity.waitlistLength}` };
  }
  const points = (max * Math.min(free, CAPACITY_CAP_SLOTS)) / CAPACITY_CAP_SLOTS;
  const explanation = `${free} of ${capacity.totalSlots} slots free`;
  const days = options.capacityStaleDays;
  if (days !== undefined && capacity.confirmedAt !== undefined && isCapacityStale(capacity.confirmedAt, days, options.now)) {
    const why = capacity.confirmedAt === null ? 'never confirmed' : `not confirmed for over ${days} days`;
    return { factor: 'CAPACITY', points: round1(points * STALE_CAPACITY_SHARE), max, explanation: `${explanation} — ${why}, may be out of date` };
  }
  return { factor: 'CAPACITY', points: round1(points), max, explanation };
}

function responseFactor(record: ResponseRecord | undefined, max: number): ScoreFactor {
  if (!record || record.decided < RESPONSE_MIN_DECIDED) {
    const explanation = !record || record.decided === 0 ? 'no response history yet — neutral' : `only ${record.decided} decided referrals — neutral`;
    return { factor: 'RESPONSE', points: round1(max * NEUTRAL), max, explanation };
  }
  const speed = clamp01((RESPONSE_SLOW_HOURS - record.medianResponseHours) / (RESPONSE_SLOW_HOURS - RESPONSE_FAST_HOURS));
  const points = max * (clamp01(record.acceptanceRate) + speed) / 2;
  return {
    factor: 'RESPONSE',
    points: round1(points),
    max,
    explanation: `accepts ${Math.round(clamp01(record.acceptanceRate) * 100)}% of ${record.decided} referrals, median answer in ${round1(record.medianResponseHours)} h`,
  };
}

/**
 * Ranks services for a request: hard filters first (each excluded service with every reason, in words),
 * then a 0–100 score from distance, language, free capacity and response record, with a readable
 * breakdown. Order: score desc, then distance asc (unknown last), then id — the same input always gives
 * the same order.
 */
export function matchServices<C extends MatchCandidate>(
  candidates: readonly C[],
  request: MatchRequest,
  options: MatchOptions = {},
): MatchResult<C> {
  const weights = weightsFor(request.urgency);
  const ranked: RankedMatch<C>[] = [];
  const excluded: ExcludedMatch<C>[] = [];
  for (const service of candidates) {
    const reasons = exclusionReasons(service, request);
    if (reasons.length > 0) {
      excluded.push({ service, reasons });
      continue;
    }
    const distance = distanceFactor(service, request, weights.DISTANCE);
    const breakdown = [
      distance.factor,
      languageFactor(service, request, weights.LANGUAGE),
      capacityFactor(service, weights.CAPACITY, options),
      responseFactor(options.responseRecords?.get(service.organisationId), weights.RESPONSE),
    ];
    const score = round1(breakdown.reduce((sum, f) => sum + f.points, 0));
    ranked.push({ service, score, distanceKm: distance.km === null ? null : round1(distance.km), breakdown });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0),
  );
  excluded.sort((a, b) => (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0));
  return { ranked, excluded };
}

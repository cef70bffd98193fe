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
  /**
   * Where the person is: coordinates win over a named place (the caller resolves names with the gazetteer).
   * `label` is the place's name, or null when only coordinates were given.
   */
  location?: (Coordinates & { label: string | null }) | null;
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

/**
 * Why a factor scored what it did, as data: a client words it in its reader's language. The English
 * `explanation` is made from this same value (explainScore), so the two can never disagree.
 */
export type ScoreDetail =
  | { code: 'DISTANCE_KM'; km: number; place: string | null }
  | { code: 'IN_REGION' | 'OUTSIDE_REGION'; region: Province }
  | { code: 'LOCATION_UNKNOWN' | 'NO_LOCATION_GIVEN' | 'NO_LANGUAGE_GIVEN' | 'NO_HISTORY' }
  | { code: 'SPEAKS' | 'SPEAKS_NONE'; languages: string[] }
  | { code: 'FULL_WITH_WAITLIST'; waitlist: number }
  | { code: 'FREE_SLOTS' | 'FREE_SLOTS_NEVER_CONFIRMED'; freeSlots: number; totalSlots: number }
  | { code: 'FREE_SLOTS_STALE'; freeSlots: number; totalSlots: number; staleDays: number }
  | { code: 'TOO_FEW_DECIDED'; decided: number }
  | { code: 'RESPONSE_RECORD'; acceptancePercent: number; decided: number; medianHours: number };
export type ScoreDetailCode = ScoreDetail['code'];

export interface ScoreFactor {
  factor: MatchFactor;
  points: number;
  max: number;
  detail: ScoreDetail;
  /** English words for `detail`, kept for integrators that show them as they are. */
  explanation: string;
}

/** Why a service cannot take this person, as data; `exclusionText` words it in English. */
export type ExclusionReason =
  | { code: 'SERVICE_TYPE_NOT_NEEDED'; serviceType: ServiceType }
  | { code: 'BELOW_MINIMUM_AGE' | 'ABOVE_MAXIMUM_AGE'; age: number; limit: number }
  | { code: 'GENDER_NOT_SERVED'; gender: MatchGender }
  | { code: 'EXPLOITATION_TYPE_NOT_SERVED'; exploitationType: MatchExploitationType }
  | { code: 'NOT_ACCEPTING_REFERRALS' | 'NO_CAPACITY_STATED' | 'PAUSED' | 'NO_FREE_SLOTS' };
export type ExclusionCode = ExclusionReason['code'];

export interface RankedMatch<C extends MatchCandidate = MatchCandidate> {
  service: C;
  score: number;
  distanceKm: number | null;
  breakdown: ScoreFactor[];
}

export interface ExcludedMatch<C extends MatchCandidate = MatchCandidate> {
  service: C;
  why: ExclusionReason[];
  /** English words for `why`, one per reason, in the same order. */
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
export function exclusionReasons(candidate: MatchCandidate, request: MatchRequest): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (!request.serviceTypes.includes(candidate.type)) reasons.push({ code: 'SERVICE_TYPE_NOT_NEEDED', serviceType: candidate.type });
  const age = request.age;
  if (age !== null && age !== undefined) {
    if (candidate.minAge !== null && age < candidate.minAge) reasons.push({ code: 'BELOW_MINIMUM_AGE', age, limit: candidate.minAge });
    if (candidate.maxAge !== null && age > candidate.maxAge) reasons.push({ code: 'ABOVE_MAXIMUM_AGE', age, limit: candidate.maxAge });
  }
  if (request.gender && candidate.genders.length > 0 && !candidate.genders.includes(request.gender)) {
    reasons.push({ code: 'GENDER_NOT_SERVED', gender: request.gender });
  }
  if (
    request.exploitationType &&
    candidate.exploitationTypes.length > 0 &&
    !candidate.exploitationTypes.includes(request.exploitationType)
  ) {
    reasons.push({ code: 'EXPLOITATION_TYPE_NOT_SERVED', exploitationType: request.exploitationType });
  }
  if (!candidate.organisation.acceptingReferrals) reasons.push({ code: 'NOT_ACCEPTING_REFERRALS' });
  const capacity = candidate.capacity;
  if (!capacity) {
    reasons.push({ code: 'NO_CAPACITY_STATED' });
  } else if (capacity.paused) {
    reasons.push({ code: 'PAUSED' });
  } else if (availableSlots(capacity) === 0 && !request.allowWaitlist) {
    reasons.push({ code: 'NO_FREE_SLOTS' });
  }
  return reasons;
}

/** The English words for an exclusion reason (the API's `reasons` strings). */
export function exclusionText(reason: ExclusionReason): string {
  switch (reason.code) {
    case 'SERVICE_TYPE_NOT_NEEDED':
      return `service type ${reason.serviceType} not needed`;
    case 'BELOW_MINIMUM_AGE':
      return `age ${reason.age} below minimum ${reason.limit}`;
    case 'ABOVE_MAXIMUM_AGE':
      return `age ${reason.age} above maximum ${reason.limit}`;
    case 'GENDER_NOT_SERVED':
      return `gender ${reason.gender} not served`;
    case 'EXPLOITATION_TYPE_NOT_SERVED':
      return `exploitation type ${reason.exploitationType} not served`;
    case 'NOT_ACCEPTING_REFERRALS':
      return 'organisation not accepting referrals';
    case 'NO_CAPACITY_STATED':
      return 'no capacity stated';
    case 'PAUSED':
      return 'paused';
    case 'NO_FREE_SLOTS':
      return 'no free slots';
  }
}

/** The English words for a score detail (the API's `explanation`). */
export function explainScore(detail: ScoreDetail): string {
  const stale = 'may be out of date';
  switch (detail.code) {
    case 'DISTANCE_KM':
      return `${Math.round(detail.km)} km from ${detail.place ?? 'the given position'}`;
    case 'IN_REGION':
      return `serves ${detail.region}`;
    case 'OUTSIDE_REGION':
      return `outside ${detail.region}`;
    case 'LOCATION_UNKNOWN':
      return 'service location unknown — neutral';
    case 'NO_LOCATION_GIVEN':
      return 'no location given — neutral';
    case 'NO_LANGUAGE_GIVEN':
      return 'no language given — neutral';
    case 'SPEAKS':
      return `speaks ${detail.languages.join(', ')}`;
    case 'SPEAKS_NONE':
      return `speaks none of ${detail.languages.join(', ')}`;
    case 'FULL_WITH_WAITLIST':
      return `full — waitlist of ${detail.waitlist}`;
    case 'FREE_SLOTS':
      return `${detail.freeSlots} of ${detail.totalSlots} slots free`;
    case 'FREE_SLOTS_NEVER_CONFIRMED':
      return `${detail.freeSlots} of ${detail.totalSlots} slots free — never confirmed, ${stale}`;
    case 'FREE_SLOTS_STALE':
      return `${detail.freeSlots} of ${detail.totalSlots} slots free — not confirmed for over ${detail.staleDays} days, ${stale}`;
    case 'NO_HISTORY':
      return 'no response history yet — neutral';
    case 'TOO_FEW_DECIDED':
      return `only ${detail.decided} decided referrals — neutral`;
    case 'RESPONSE_RECORD':
      return `accepts ${detail.acceptancePercent}% of ${detail.decided} referrals, median answer in ${detail.medianHours} h`;
  }
}

/** A factor with its detail and the English words made from that detail. */
function scored(factor: MatchFactor, points: number, max: number, detail: ScoreDetail): ScoreFactor {
  return { factor, points: round1(points), max, detail, explanation: explainScore(detail) };
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
    return { km, factor: scored('DISTANCE', points, max, { code: 'DISTANCE_KM', km: round1(km), place: request.location.label }) };
  }
  if (!request.location && request.region) {
    // No point to measure from: staying inside the asked province is the best we can tell.
    const region = request.region;
    const serves = candidate.province === region || candidate.organisation.regionsServed.includes(region);
    return {
      km: null,
      factor: serves
        ? scored('DISTANCE', max * 0.75, max, { code: 'IN_REGION', region })
        : scored('DISTANCE', max * 0.25, max, { code: 'OUTSIDE_REGION', region }),
    };
  }
  const code = request.location ? 'LOCATION_UNKNOWN' : 'NO_LOCATION_GIVEN';
  return { km: null, factor: scored('DISTANCE', max * NEUTRAL, max, { code }) };
}

function languageFactor(candidate: MatchCandidate, request: MatchRequest, max: number): ScoreFactor {
  if (request.languages.length === 0) return scored('LANGUAGE', max * NEUTRAL, max, { code: 'NO_LANGUAGE_GIVEN' });
  const spoken = new Set([...candidate.languages, ...candidate.organisation.languages].map((l) => l.toLowerCase()));
  const shared = request.languages.map((l) => l.toLowerCase()).filter((l) => spoken.has(l));
  if (shared.length > 0) return scored('LANGUAGE', max, max, { code: 'SPEAKS', languages: shared });
  return scored('LANGUAGE', 0, max, { code: 'SPEAKS_NONE', languages: [...request.languages] });
}

function capacityFactor(candidate: MatchCandidate, max: number, options: MatchOptions): ScoreFactor {
  const capacity = candidate.capacity!;
  const free = availableSlots(capacity);
  if (free === 0) return scored('CAPACITY', 0, max, { code: 'FULL_WITH_WAITLIST', waitlist: capacity.waitlistLength });
  const points = (max * Math.min(free, CAPACITY_CAP_SLOTS)) / CAPACITY_CAP_SLOTS;
  const slots = { freeSlots: free, totalSlots: capacity.totalSlots };
  const days = options.capacityStaleDays;
  if (days !== undefined && capacity.confirmedAt !== undefined && isCapacityStale(capacity.confirmedAt, days, options.now)) {
    const detail: ScoreDetail =
      capacity.confirmedAt === null ? { code: 'FREE_SLOTS_NEVER_CONFIRMED', ...slots } : { code: 'FREE_SLOTS_STALE', ...slots, staleDays: days };
    return scored('CAPACITY', points * STALE_CAPACITY_SHARE, max, detail);
  }
  return scored('CAPACITY', points, max, { code: 'FREE_SLOTS', ...slots });
}

function responseFactor(record: ResponseRecord | undefined, max: number): ScoreFactor {
  if (!record || record.decided < RESPONSE_MIN_DECIDED) {
    const detail: ScoreDetail = !record || record.decided === 0 ? { code: 'NO_HISTORY' } : { code: 'TOO_FEW_DECIDED', decided: record.decided };
    return scored('RESPONSE', max * NEUTRAL, max, detail);
  }
  const speed = clamp01((RESPONSE_SLOW_HOURS - record.medianResponseHours) / (RESPONSE_SLOW_HOURS - RESPONSE_FAST_HOURS));
  const points = max * (clamp01(record.acceptanceRate) + speed) / 2;
  return scored('RESPONSE', points, max, {
    code: 'RESPONSE_RECORD',
    acceptancePercent: Math.round(clamp01(record.acceptanceRate) * 100),
    decided: record.decided,
    medianHours: round1(record.medianResponseHours),
  });
}

/**
 * Ranks services for a request: hard filters first (each excluded service with every reason, as codes
 * and in English words), then a 0–100 score from distance, language, free capacity and response record,
 * with a breakdown (codes and English words). Order: score desc, then distance asc (unknown last), then id — the same input always gives
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
    const why = exclusionReasons(service, request);
    if (why.length > 0) {
      excluded.push({ service, why, reasons: why.map(exclusionText) });
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

import { findPlace } from '@haven/kit/src/geo/gazetteer';
import {
  CAPACITY_CAP_SLOTS,
  MATCH_WEIGHTS,
  matchServices,
  type ExclusionReason,
  type MatchCandidate,
  type MatchRequest,
  type ResponseRecord,
} from './match-services';

const place = (name: string) => {
  const p = findPlace(name);
  if (!p) throw new Error(`test place ${name} missing from the gazetteer`);
  return p;
};

function service(id: string, town: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  const p = place(town);
  return {
    id,
    organisationId: `org-${id}`,
    type: 'SHELTER',
    province: p.province,
    minAge: null,
    maxAge: null,
    genders: [],
    languages: [],
    exploitationTypes: [],
    city: p.name,
    latitude: p.latitude,
    longitude: p.longitude,
    organisation: {
      city: p.name,
      latitude: p.latitude,
      longitude: p.longitude,
      languages: [],
      regionsServed: [p.province],
      acceptingReferrals: true,
    },
    capacity: { totalSlots: 5, heldSlots: 3, waitlistLength: 0, paused: false },
    ...overrides,
  };
}

const utrecht = place('Utrecht');
const request = (overrides: Partial<MatchRequest> = {}): MatchRequest => ({
  serviceTypes: ['SHELTER'],
  languages: [],
  location: { latitude: utrecht.latitude, longitude: utrecht.longitude, label: 'Utrecht' },
  urgency: 'STANDARD',
  allowWaitlist: false,
  ...overrides,
});
const first = <T>(items: readonly T[], at = 0): T => {
  const item = items[at];
  if (item === undefined) throw new Error(`no item ${at}`);
  return item;
};
const order = (candidates: MatchCandidate[], req: MatchRequest = request(), records?: Map<string, ResponseRecord>) =>
  matchServices(candidates, req, { responseRecords: records }).ranked.map((r) => r.service.id);

describe('matchServices ranking', () => {
  it('puts the closer service first when all else is equal', () => {
    expect(order([service('far', 'Groningen'), service('near', 'Amersfoort')])).toEqual(['near', 'far']);
  });

  it('lets a language match lift a farther service above a closer one that does not speak it', () => {
    const near = service('near', 'Amersfoort');
    const far = service('far', 'Zwolle', { languages: ['ar'] });
    expect(order([near, far])).toEqual(['near', 'far']);
    expect(order([near, far], request({ languages: ['ar'] }))).toEqual(['far', 'near']);
    const lang = first(matchServices([far], request({ languages: ['ar'] })).ranked).breakdown.find((f) => f.factor === 'LANGUAGE');
    expect(lang).toMatchObject({ points: lang!.max, detail: { code: 'SPEAKS', languages: ['ar'] }, explanation: 'speaks ar' });
    const none = first(matchServices([near], request({ languages: ['ar', 'ti'] })).ranked).breakdown.find((f) => f.factor === 'LANGUAGE');
    expect(none).toMatchObject({ points: 0, detail: { code: 'SPEAKS_NONE', languages: ['ar', 'ti'] }, explanation: 'speaks none of ar, ti' });
    const unasked = first(matchServices([near], request()).ranked).breakdown.find((f) => f.factor === 'LANGUAGE');
    expect(unasked?.detail).toEqual({ code: 'NO_LANGUAGE_GIVEN' });
  });

  it("counts the organisation's languages as well as the service's", () => {
    const base = service('org-speaks', 'Zwolle');
    const orgSpeaks = { ...base, organisation: { ...base.organisation, languages: ['ro'] } };
    expect(order([service('near', 'Amersfoort'), orgSpeaks], request({ languages: ['ro'] }))).toEqual(['org-speaks', 'near']);
  });

  it('lifts a service with more free slots, capped', () => {
    const few = service('few', 'Amersfoort', { capacity: { totalSlots: 5, heldSlots: 4, waitlistLength: 0, paused: false } });
    const many = service('many', 'Amersfoort', { capacity: { totalSlots: 5, heldSlots: 0, waitlistLength: 0, paused: false } });
    expect(order([few, many])).toEqual(['many', 'few']);
    const huge = service('huge', 'Amersfoort', { capacity: { totalSlots: 50, heldSlots: 0, waitlistLength: 0, paused: false } });
    const both = matchServices([many, huge], request()).ranked;
    expect(first(both, 0).score).toBe(first(both, 1).score);
    expect(CAPACITY_CAP_SLOTS).toBe(5);
    expect(first(matchServices([few], request()).ranked).breakdown.find((f) => f.factor === 'CAPACITY')).toMatchObject({
      detail: { code: 'FREE_SLOTS', freeSlots: 1, totalSlots: 5 },
      explanation: '1 of 5 slots free',
    });
  });

  it('halves the capacity points of a statement nobody confirmed lately, and says so', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const slots = { totalSlots: 5, heldSlots: 0, waitlistLength: 0, paused: false };
    const fresh = service('fresh', 'Amersfoort', { capacity: { ...slots, confirmedAt: daysAgo(2) } });
    const stale = service('stale', 'Amersfoort', { capacity: { ...slots, confirmedAt: daysAgo(12) } });
    const never = service('never', 'Amersfoort', { capacity: { ...slots, confirmedAt: null } });
    const ranked = matchServices([stale, never, fresh], request(), { capacityStaleDays: 7, now }).ranked;
    const capacity = (id: string) => ranked.find((r) => r.service.id === id)!.breakdown.find((f) => f.factor === 'CAPACITY')!;
    expect(ranked.map((r) => r.service.id)[0]).toBe('fresh');
    expect(capacity('stale').points).toBe(capacity('fresh').points / 2);
    expect(capacity('stale').detail).toEqual({ code: 'FREE_SLOTS_STALE', freeSlots: 5, totalSlots: 5, staleDays: 7 });
    expect(capacity('stale').explanation).toBe('5 of 5 slots free — not confirmed for over 7 days, may be out of date');
    expect(capacity('never').detail).toEqual({ code: 'FREE_SLOTS_NEVER_CONFIRMED', freeSlots: 5, totalSlots: 5 });
    expect(capacity('never').explanation).toBe('5 of 5 slots free — never confirmed, may be out of date');
    // Without a threshold (or without a confirmation date) nothing is judged.
    const unjudged = matchServices([stale], request()).ranked;
    expect(first(unjudged).breakdown.find((f) => f.factor === 'CAPACITY')!.points).toBe(capacity('fresh').points);
  });

  it('never ranks a partner without response history below an average one', () => {
    const records = new Map<string, ResponseRecord>([['org-average', { acceptanceRate: 0.5, medianResponseHours: 38, decided: 40 }]]);
    const ranked = matchServices([service('average', 'Amersfoort'), service('new', 'Amersfoort')], request(), { responseRecords: records }).ranked;
    const score = (id: string) => ranked.find((r) => r.service.id === id)!.score;
    expect(score('new')).toBeGreaterThanOrEqual(score('average'));
    expect(ranked.find((r) => r.service.id === 'new')!.breakdown.find((f) => f.factor === 'RESPONSE')).toMatchObject({
      detail: { code: 'NO_HISTORY' },
      explanation: 'no response history yet — neutral',
    });
  });

  it('treats a thin record (fewer than 5 decided) as neutral, not as a bad one', () => {
    const records = new Map<string, ResponseRecord>([['org-thin', { acceptanceRate: 0, medianResponseHours: 500, decided: 2 }]]);
    const ranked = matchServices([service('thin', 'Amersfoort'), service('new', 'Amersfoort')], request(), { responseRecords: records }).ranked;
    expect(first(ranked, 0).score).toBe(first(ranked, 1).score);
    expect(ranked.find((r) => r.service.id === 'thin')!.breakdown.find((f) => f.factor === 'RESPONSE')).toMatchObject({
      detail: { code: 'TOO_FEW_DECIDED', decided: 2 },
      explanation: 'only 2 decided referrals — neutral',
    });
  });

  it('lifts a partner that accepts often and answers fast', () => {
    const records = new Map<string, ResponseRecord>([['org-good', { acceptanceRate: 0.9, medianResponseHours: 3.04, decided: 30 }]]);
    expect(order([service('new', 'Amersfoort'), service('good', 'Amersfoort')], request(), records)).toEqual(['good', 'new']);
    const good = first(matchServices([service('good', 'Amersfoort')], request(), { responseRecords: records }).ranked);
    expect(good.breakdown.find((f) => f.factor === 'RESPONSE')).toMatchObject({
      detail: { code: 'RESPONSE_RECORD', acceptancePercent: 90, decided: 30, medianHours: 3 },
      explanation: 'accepts 90% of 30 referrals, median answer in 3 h',
    });
  });

  it('makes distance matter more for IMMEDIATE: a closer service with fewer slots overtakes', () => {
    const nearFew = service('near-few', 'Amersfoort', { capacity: { totalSlots: 5, heldSlots: 4, waitlistLength: 0, paused: false } });
    const farMany = service('far-many', 'Zwolle', { capacity: { totalSlots: 5, heldSlots: 0, waitlistLength: 0, paused: false } });
    expect(order([nearFew, farMany], request({ urgency: 'STANDARD' }))).toEqual(['far-many', 'near-few']);
    expect(order([nearFew, farMany], request({ urgency: 'IMMEDIATE' }))).toEqual(['near-few', 'far-many']);
    expect(MATCH_WEIGHTS.IMMEDIATE.DISTANCE).toBeGreaterThan(MATCH_WEIGHTS.DEFAULT.DISTANCE);
  });

  it('explains distance in words and scores within 0–100 with factors adding up', () => {
    const r = first(matchServices([service('a', 'Amersfoort')], request()).ranked);
    const distance = r.breakdown.find((f) => f.factor === 'DISTANCE')!;
    expect(distance.detail).toEqual({ code: 'DISTANCE_KM', km: r.distanceKm, place: 'Utrecht' });
    expect(distance.explanation).toBe(`${Math.round(r.distanceKm!)} km from Utrecht`);
    const atCoordinates = first(matchServices([service('a', 'Amersfoort')], request({ location: { ...utrecht, label: null } })).ranked);
    expect(first(atCoordinates.breakdown)).toMatchObject({ detail: { code: 'DISTANCE_KM', place: null }, explanation: expect.stringMatching(/^\d+ km from the given position$/) });
    expect(r.distanceKm).toBeGreaterThan(10);
    expect(r.distanceKm).toBeLessThan(30);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    expect(r.breakdown.reduce((s, f) => s + f.max, 0)).toBe(100);
  });

  it('falls back to the organisation position, then to neutral when no position is known', () => {
    const noOwn = service('org-pos', 'Amersfoort', { latitude: null, longitude: null });
    expect(first(matchServices([noOwn], request()).ranked).distanceKm).not.toBeNull();
    const base = service('nowhere', 'Amersfoort', { latitude: null, longitude: null });
    const nowhere = { ...base, organisation: { ...base.organisation, latitude: null, longitude: null } };
    const r = first(matchServices([nowhere], request()).ranked);
    expect(r.distanceKm).toBeNull();
    expect(first(r.breakdown)).toMatchObject({
      points: first(r.breakdown).max / 2,
      detail: { code: 'LOCATION_UNKNOWN' },
      explanation: 'service location unknown — neutral',
    });
    const unasked = first(matchServices([nowhere], request({ location: null })).ranked);
    expect(first(unasked.breakdown)).toMatchObject({ detail: { code: 'NO_LOCATION_GIVEN' }, explanation: 'no location given — neutral' });
  });

  it('uses the province when no location is given', () => {
    const req = request({ location: null, region: 'GRONINGEN' });
    expect(order([service('utr', 'Amersfoort'), service('gro', 'Groningen')], req)).toEqual(['gro', 'utr']);
    const [inside, outside] = matchServices([service('utr', 'Amersfoort'), service('gro', 'Groningen')], req).ranked;
    expect(first(inside!.breakdown)).toMatchObject({ detail: { code: 'IN_REGION', region: 'GRONINGEN' }, explanation: 'serves GRONINGEN' });
    expect(first(outside!.breakdown)).toMatchObject({ detail: { code: 'OUTSIDE_REGION', region: 'GRONINGEN' }, explanation: 'outside GRONINGEN' });
  });

  it('breaks ties by distance, then by id, whatever the input order', () => {
    const a = service('a', 'Amersfoort');
    const b = service('b', 'Amersfoort');
    expect(order([b, a])).toEqual(['a', 'b']);
    expect(order([a, b])).toEqual(['a', 'b']);
  });
});

describe('matchServices exclusions', () => {
  const excludedOnly = (candidate: MatchCandidate, req: MatchRequest = request()) => {
    const result = matchServices([candidate], req);
    expect(result.ranked).toEqual([]);
    return first(result.excluded);
  };
  const reasons = (candidate: MatchCandidate, req: MatchRequest = request()) => excludedOnly(candidate, req).reasons;
  const codes = (candidate: MatchCandidate, req: MatchRequest = request()) => excludedOnly(candidate, req).why;

  it.each<[string, Partial<MatchCandidate>, Partial<MatchRequest>, ExclusionReason, string]>([
    ['a type not needed', { type: 'LEGAL_AID' }, {}, { code: 'SERVICE_TYPE_NOT_NEEDED', serviceType: 'LEGAL_AID' }, 'service type LEGAL_AID not needed'],
    ['too young', { minAge: 18 }, { age: 15 }, { code: 'BELOW_MINIMUM_AGE', age: 15, limit: 18 }, 'age 15 below minimum 18'],
    ['too old', { maxAge: 17 }, { age: 19 }, { code: 'ABOVE_MAXIMUM_AGE', age: 19, limit: 17 }, 'age 19 above maximum 17'],
    ['a gender not served', { genders: ['FEMALE'] }, { gender: 'MALE' }, { code: 'GENDER_NOT_SERVED', gender: 'MALE' }, 'gender MALE not served'],
    [
      'an exploitation type not served',
      { exploitationTypes: ['SEXUAL'] },
      { exploitationType: 'LABOUR' },
      { code: 'EXPLOITATION_TYPE_NOT_SERVED', exploitationType: 'LABOUR' },
      'exploitation type LABOUR not served',
    ],
    ['paused capacity', { capacity: { totalSlots: 5, heldSlots: 0, waitlistLength: 0, paused: true } }, {}, { code: 'PAUSED' }, 'paused'],
    ['no free slots', { capacity: { totalSlots: 2, heldSlots: 2, waitlistLength: 3, paused: false } }, {}, { code: 'NO_FREE_SLOTS' }, 'no free slots'],
    ['no capacity stated', { capacity: null }, {}, { code: 'NO_CAPACITY_STATED' }, 'no capacity stated'],
  ])('excludes %s with a reason as a code and in words', (_what, overrides, req, why, reason) => {
    expect(codes(service('x', 'Amersfoort', overrides), request(req))).toEqual([why]);
    expect(reasons(service('x', 'Amersfoort', overrides), request(req))).toEqual([reason]);
  });

  it('excludes an organisation not accepting referrals', () => {
    const base = service('x', 'Amersfoort');
    const closed = { ...base, organisation: { ...base.organisation, acceptingReferrals: false } };
    expect(codes(closed)).toEqual([{ code: 'NOT_ACCEPTING_REFERRALS' }]);
    expect(reasons(closed)).toEqual(['organisation not accepting referrals']);
  });

  it('lists every reason at once, codes and words in the same order', () => {
    const x = service('x', 'Amersfoort', { minAge: 18, genders: ['FEMALE'], capacity: null });
    const req = request({ age: 15, gender: 'MALE' });
    expect(codes(x, req).map((r) => r.code)).toEqual(['BELOW_MINIMUM_AGE', 'GENDER_NOT_SERVED', 'NO_CAPACITY_STATED']);
    expect(reasons(x, req)).toEqual(['age 15 below minimum 18', 'gender MALE not served', 'no capacity stated']);
  });

  it('keeps a full service when a waitlist is allowed, scored below one with free slots', () => {
    const full = service('full', 'Amersfoort', { capacity: { totalSlots: 2, heldSlots: 2, waitlistLength: 3, paused: false } });
    const open = service('open', 'Amersfoort');
    const result = matchServices([full, open], request({ allowWaitlist: true }));
    expect(result.excluded).toEqual([]);
    expect(result.ranked.map((r) => r.service.id)).toEqual(['open', 'full']);
    expect(first(result.ranked, 1).breakdown.find((f) => f.factor === 'CAPACITY')).toMatchObject({
      points: 0,
      detail: { code: 'FULL_WITH_WAITLIST', waitlist: 3 },
      explanation: 'full — waitlist of 3',
    });
  });

  it('still excludes a paused service when a waitlist is allowed', () => {
    expect(reasons(service('p', 'Amersfoort', { capacity: { totalSlots: 2, heldSlots: 2, waitlistLength: 0, paused: true } }), request({ allowWaitlist: true }))).toEqual(['paused']);
  });

  it('accepts a person at the exact age bounds (inclusive)', () => {
    expect(matchServices([service('x', 'Amersfoort', { minAge: 18, maxAge: 23 })], request({ age: 18 })).ranked).toHaveLength(1);
    expect(matchServices([service('x', 'Amersfoort', { minAge: 18, maxAge: 23 })], request({ age: 23 })).ranked).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createPartnersDb, type PartnersDb } from '../db';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { createPartnersServer } from '../server';
import { setTestCapacity } from '../test-fixtures';

const startPartners = () => startTestSubgraph({ name: 'partners', createDb: createPartnersDb, createServer: createPartnersServer });

const MATCH = `query ($input: MatchServicesInput!) {
  matchServices(input: $input) {
    ranked {
      service { id name } score distanceKm
      breakdown { factor points max explanation detail { code km place region languages freeSlots totalSlots decided acceptancePercent medianHours } }
    }
    excluded { service { id } reasons why { code serviceType age limit gender exploitationType } }
  }
}`;

/** A service of type INTERPRETATION in a town; other suites' services (other types) stay out of the match. */
async function createServiceIn(admin: PartnersDb, town: string, data: { minAge?: number; languages?: string[] } = {}) {
  const place = findPlace(town)!;
  const organisationId = randomUUID();
  await admin.organisationProfile.create({
    data: { organisationId, province: place.province, city: place.name, latitude: place.latitude, longitude: place.longitude },
  });
  const service = await admin.service.create({
    data: { organisationId, type: 'INTERPRETATION', name: `Match test ${town}`, province: place.province, ...data },
  });
  return service.id;
}

/** Answered referrals of a service's organisation, as the cases service would have reported them. */
async function recordHistory(admin: PartnersDb, serviceId: string, history: { accepted: number; declined: number; hoursToAnswer: number }) {
  const { organisationId } = await admin.service.findUniqueOrThrow({ where: { id: serviceId } });
  const sentAt = new Date(Date.now() - 100 * 3_600_000);
  const respondedAt = new Date(sentAt.getTime() + history.hoursToAnswer * 3_600_000);
  const outcomes = [...Array(history.accepted).fill('ACCEPTED'), ...Array(history.declined).fill('DECLINED')];
  await admin.referralResponse.createMany({
    data: outcomes.map((outcome) => ({ referralId: randomUUID(), serviceId, organisationId, outcome, sentAt, respondedAt, recordedByPart: 'cases' })),
  });
}

describe('matchServices over GraphQL (signed subgraph client)', () => {
  let partners: Awaited<ReturnType<typeof startPartners>>;
  const ids: Record<string, string> = {};
  const coordinator = caller(randomUUID(), ['COORDINATOR']);
  const input = (values: Record<string, unknown> = {}) => ({
    input: { serviceTypes: ['INTERPRETATION'], place: 'Utrecht', urgency: 'STANDARD', ...values },
  });

  beforeAll(async () => {
    partners = await startPartners();
    ids.near = await createServiceIn(partners.admin, 'Amersfoort');
    ids.far = await createServiceIn(partners.admin, 'Groningen');
    ids.adultsOnly = await createServiceIn(partners.admin, 'Utrecht', { minAge: 18 });
    ids.full = await createServiceIn(partners.admin, 'Utrecht');
    ids.unstated = await createServiceIn(partners.admin, 'Utrecht');
    await setTestCapacity(partners.admin, ids.near, { totalSlots: 3 });
    await setTestCapacity(partners.admin, ids.far, { totalSlots: 3 });
    await setTestCapacity(partners.admin, ids.adultsOnly, { totalSlots: 3 });
    await setTestCapacity(partners.admin, ids.full, { totalSlots: 2, heldSlots: 2 });
    ids.responsive = await createServiceIn(partners.admin, 'Zeist');
    ids.slow = await createServiceIn(partners.admin, 'Zeist');
    await setTestCapacity(partners.admin, ids.responsive, { totalSlots: 3 });
    await setTestCapacity(partners.admin, ids.slow, { totalSlots: 3 });
    await recordHistory(partners.admin, ids.responsive, { accepted: 6, declined: 0, hoursToAnswer: 1 });
    await recordHistory(partners.admin, ids.slow, { accepted: 1, declined: 5, hoursToAnswer: 60 });
  });
  afterAll(async () => {
    await partners?.close();
  });

  it('gives a coordinator the services ranked by fit, closer first, with a readable breakdown and reasons for the rest', async () => {
    const res = await partners.gql({ query: MATCH, variables: input({ age: 15 }) }, coordinator);
    expect(res.body?.errors).toBeUndefined();
    const result = res.body?.data?.matchServices as {
      ranked: { service: { id: string }; score: number; distanceKm: number; breakdown: { factor: string; explanation: string }[] }[];
      excluded: { service: { id: string }; reasons: string[] }[];
    };
    const rankedIds = result.ranked.map((r) => r.service.id);
    expect(rankedIds.indexOf(ids.near!)).toBeGreaterThanOrEqual(0);
    expect(rankedIds.indexOf(ids.near!)).toBeLessThan(rankedIds.indexOf(ids.far!));
    const near = result.ranked.find((r) => r.service.id === ids.near)!;
    expect(near.breakdown.map((f) => f.factor)).toEqual(['DISTANCE', 'LANGUAGE', 'CAPACITY', 'RESPONSE']);
    expect(near.breakdown[0]!.explanation).toMatch(/km from Utrecht$/);
    expect(near.breakdown[3]!.explanation).toBe('no response history yet — neutral');
    const reasons = (id: string) => result.excluded.find((e) => e.service.id === id)?.reasons;
    expect(reasons(ids.adultsOnly!)).toEqual(['age 15 below minimum 18']);
    expect(reasons(ids.full!)).toEqual(['no free slots']);
    expect(reasons(ids.unstated!)).toEqual(['no capacity stated']);
  });

  it('gives every reason and explanation as a code with its numbers too, other fields null', async () => {
    const res = await partners.gql({ query: MATCH, variables: input({ age: 15 }) }, coordinator);
    expect(res.body?.errors).toBeUndefined();
    type Detail = Record<string, unknown> & { code: string };
    const result = res.body?.data?.matchServices as {
      ranked: { service: { id: string }; distanceKm: number; breakdown: { detail: Detail }[] }[];
      excluded: { service: { id: string }; why: Detail[] }[];
    };
    const near = result.ranked.find((r) => r.service.id === ids.near)!;
    const none = { km: null, place: null, region: null, languages: null, freeSlots: null, totalSlots: null, decided: null, acceptancePercent: null, medianHours: null };
    expect(near.breakdown.map((f) => f.detail)).toEqual([
      { ...none, code: 'DISTANCE_KM', km: near.distanceKm, place: 'Utrecht' },
      { ...none, code: 'NO_LANGUAGE_GIVEN' },
      // The test capacity was set, never confirmed by the organisation.
      { ...none, code: 'FREE_SLOTS_NEVER_CONFIRMED', freeSlots: 3, totalSlots: 3 },
      { ...none, code: 'NO_HISTORY' },
    ]);
    const responsive = result.ranked.find((r) => r.service.id === ids.responsive)!;
    expect(responsive.breakdown[3]!.detail).toMatchObject({ code: 'RESPONSE_RECORD', acceptancePercent: 100, decided: 6, medianHours: 1 });
    const why = (id: string) => result.excluded.find((e) => e.service.id === id)?.why;
    const noReasonData = { serviceType: null, age: null, limit: null, gender: null, exploitationType: null };
    expect(why(ids.adultsOnly!)).toEqual([{ ...noReasonData, code: 'BELOW_MINIMUM_AGE', age: 15, limit: 18 }]);
    expect(why(ids.full!)).toEqual([{ ...noReasonData, code: 'NO_FREE_SLOTS' }]);
    expect(why(ids.unstated!)).toEqual([{ ...noReasonData, code: 'NO_CAPACITY_STATED' }]);
  });

  it("ranks an organisation that answers quickly and accepts above an equal one that does not, and says why", async () => {
    const res = await partners.gql({ query: MATCH, variables: input() }, coordinator);
    const ranked = res.body?.data?.matchServices.ranked as { service: { id: string }; breakdown: { factor: string; explanation: string }[] }[];
    const position = (id: string) => ranked.findIndex((r) => r.service.id === id);
    expect(position(ids.responsive!)).toBeGreaterThanOrEqual(0);
    expect(position(ids.responsive!)).toBeLessThan(position(ids.slow!));
    const response = (id: string) => ranked[position(id)]!.breakdown.find((f) => f.factor === 'RESPONSE')!.explanation;
    expect(response(ids.responsive!)).toBe('accepts 100% of 6 referrals, median answer in 1 h');
    expect(response(ids.slow!)).toBe('accepts 17% of 6 referrals, median answer in 60 h');
  });

  it.each([
    ['partner staff', () => caller(randomUUID(), ['PARTNER_STAFF']), 'FORBIDDEN'],
    ['a partner admin', () => caller(randomUUID(), ['PARTNER_ADMIN']), 'FORBIDDEN'],
    ['a network admin', () => caller(randomUUID(), ['NETWORK_ADMIN']), 'FORBIDDEN'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, who, code) => {
    const res = await partners.gql({ query: MATCH, variables: input() }, who());
    expect(errorCodes(res)).toEqual([code]);
    expect(res.body?.data?.matchServices ?? null).toBeNull();
  });

  it.each([
    ['an unknown service type', { serviceTypes: ['TELEPORTATION'] }],
    ['a negative age', { age: -1 }],
    ['an unknown place name', { place: 'Nergenshuizen' }],
    ['an unknown language code', { languages: ['zz'] }],
    ['no service type', { serviceTypes: [] }],
    ['half a position', { place: null, latitude: 52.1 }],
  ])('refuses %s with BAD_USER_INPUT', async (_what, change) => {
    const res = await partners.gql({ query: MATCH, variables: input(change) }, coordinator);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body?.data?.matchServices ?? null).toBeNull();
  });
});

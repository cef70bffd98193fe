import { URGENCIES } from '@haven/kit/src/taxonomy';
import { AppError, badInput } from '@haven/kit/src/errors';
import { builder } from '../builder';
import { ageBound, coordinates, enumList, languageCodes } from '../domain/input-rules';
import {
  matchServices,
  type ExclusionCode,
  type ExclusionReason,
  type MatchRequest,
  type MatchResult,
  type ScoreDetail,
  type ScoreDetailCode,
  type ScoreFactor,
} from '../domain/match-services';
import { loadResponseRecords } from '../domain/response-records';
import type { Capacity, OrganisationProfile, Service } from '../generated/prisma/client';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { ExploitationTypeEnum, GenderEnum } from './eligibility';
import { ProvinceEnum } from './province';
import { ServiceObject } from './service';
import { ServiceTypeEnum } from './service-type';

type Candidate = Service & { organisation: OrganisationProfile; capacity: Capacity | null };

// Same name and values as the cases service's Urgency: federation needs an enum used in inputs and outputs
// across subgraphs to be identical.
// Built from kit's list, like cases' Urgency, so the two subgraphs compose to one enum.
const UrgencyEnum = builder.enumType('Urgency', { values: URGENCIES });

const MatchFactorEnum = builder.enumType('MatchFactor', {
  description: 'What a part of a match score measures',
  values: ['DISTANCE', 'LANGUAGE', 'CAPACITY', 'RESPONSE'] as const,
});

const MatchServicesInput = builder.inputType('MatchServicesInput', {
  description:
    "A person's needs and constraints. Location: latitude+longitude, or a Dutch place name (gazetteer), or only a province.",
  fields: (t) => ({
    serviceTypes: t.field({ type: [ServiceTypeEnum], required: true }),
    age: t.int(),
    gender: t.field({ type: GenderEnum }),
    languages: t.stringList({ description: 'ISO 639-1 codes the person speaks; only these count.' }),
    exploitationType: t.field({ type: ExploitationTypeEnum }),
    place: t.string({ description: 'A Dutch town, e.g. "Utrecht" or "Den Bosch".' }),
    latitude: t.float(),
    longitude: t.float(),
    region: t.field({ type: ProvinceEnum }),
    urgency: t.field({ type: UrgencyEnum, required: true }),
    allowWaitlist: t.boolean({ description: 'Keep full (not paused) services; default false.' }),
  }),
});

// Each enum lists its values with `satisfies Record<code, …>`: a code the domain adds or drops fails typecheck
// here, so the enum and the domain type cannot drift apart.
const ScoreDetailCodeEnum = builder.enumType('ScoreDetailCode', {
  description: 'Which explanation a score factor has; the ScoreDetail fields it fills are named per value.',
  values: {
    DISTANCE_KM: { description: 'km (rounded to 0.1) from place (null: the given coordinates).' },
    IN_REGION: { description: 'No location given; the service serves region.' },
    OUTSIDE_REGION: { description: 'No location given; the service does not serve region.' },
    LOCATION_UNKNOWN: { description: "The service's position is not known: neutral." },
    NO_LOCATION_GIVEN: { description: 'Neither a location nor a region was asked: neutral.' },
    SPEAKS: { description: 'Speaks languages (the asked ones it shares).' },
    SPEAKS_NONE: { description: 'Speaks none of languages (the asked ones).' },
    NO_LANGUAGE_GIVEN: { description: 'No language was asked: neutral.' },
    FULL_WITH_WAITLIST: { description: 'No free slot; waitlist people are waiting.' },
    FREE_SLOTS: { description: 'freeSlots of totalSlots are free.' },
    FREE_SLOTS_STALE: { description: 'freeSlots of totalSlots free, but not confirmed for over staleDays days.' },
    FREE_SLOTS_NEVER_CONFIRMED: { description: 'freeSlots of totalSlots free, but never confirmed.' },
    NO_HISTORY: { description: 'No decided referrals yet: neutral.' },
    TOO_FEW_DECIDED: { description: 'Only decided referrals, too few to judge: neutral.' },
    RESPONSE_RECORD: { description: 'Accepts acceptancePercent of decided referrals; median answer in medianHours.' },
  } satisfies Record<ScoreDetailCode, { description: string }>,
});

const ExclusionCodeEnum = builder.enumType('ExclusionCode', {
  description: 'Why a service cannot take the person; the ExclusionReason fields it fills are named per value.',
  values: {
    SERVICE_TYPE_NOT_NEEDED: { description: 'serviceType was not asked for.' },
    BELOW_MINIMUM_AGE: { description: 'age is below the minimum limit.' },
    ABOVE_MAXIMUM_AGE: { description: 'age is above the maximum limit.' },
    GENDER_NOT_SERVED: { description: 'gender is not served.' },
    EXPLOITATION_TYPE_NOT_SERVED: { description: 'exploitationType is not served.' },
    NOT_ACCEPTING_REFERRALS: { description: 'The organisation does not accept referrals now.' },
    NO_CAPACITY_STATED: { description: 'The service never stated its capacity.' },
    PAUSED: { description: 'The service has paused intake.' },
    NO_FREE_SLOTS: { description: 'No free slot (and full services were not asked for).' },
  } satisfies Record<ExclusionCode, { description: string }>,
});

// Each field reads its value only from the variants that have it (`in` narrows the union); others give null.
const ScoreDetailObject = builder.objectRef<ScoreDetail>('ScoreDetail').implement({
  description: 'Why a score factor scored what it did, as data to word in any language. Fields not used by the code are null.',
  fields: (t) => ({
    code: t.field({ type: ScoreDetailCodeEnum, resolve: (d) => d.code }),
    km: t.float({ nullable: true, resolve: (d) => ('km' in d ? d.km : null) }),
    place: t.string({ nullable: true, description: 'The asked place by name; null when coordinates were given.', resolve: (d) => ('place' in d ? d.place : null) }),
    region: t.field({ type: ProvinceEnum, nullable: true, resolve: (d) => ('region' in d ? d.region : null) }),
    languages: t.stringList({ nullable: true, description: 'ISO 639-1 codes.', resolve: (d) => ('languages' in d ? d.languages : null) }),
    waitlist: t.int({ nullable: true, resolve: (d) => ('waitlist' in d ? d.waitlist : null) }),
    freeSlots: t.int({ nullable: true, resolve: (d) => ('freeSlots' in d ? d.freeSlots : null) }),
    totalSlots: t.int({ nullable: true, resolve: (d) => ('totalSlots' in d ? d.totalSlots : null) }),
    staleDays: t.int({ nullable: true, resolve: (d) => ('staleDays' in d ? d.staleDays : null) }),
    decided: t.int({ nullable: true, resolve: (d) => ('decided' in d ? d.decided : null) }),
    acceptancePercent: t.int({ nullable: true, description: '0–100.', resolve: (d) => ('acceptancePercent' in d ? d.acceptancePercent : null) }),
    medianHours: t.float({ nullable: true, description: 'Rounded to 0.1.', resolve: (d) => ('medianHours' in d ? d.medianHours : null) }),
  }),
});

const ScoreFactorObject = builder.objectRef<ScoreFactor>('ScoreFactor').implement({
  description: 'One part of a match score, with the reason as data (detail) and in English words (explanation).',
  fields: (t) => ({
    factor: t.expose('factor', { type: MatchFactorEnum }),
    points: t.exposeFloat('points'),
    max: t.exposeFloat('max'),
    detail: t.field({ type: ScoreDetailObject, resolve: (f) => f.detail }),
    explanation: t.exposeString('explanation', { description: 'English words for detail; clients that translate use detail.' }),
  }),
});

const ExclusionReasonObject = builder.objectRef<ExclusionReason>('ExclusionReason').implement({
  description: 'One reason a service cannot take the person, as data to word in any language. Fields not used by the code are null.',
  fields: (t) => ({
    code: t.field({ type: ExclusionCodeEnum, resolve: (r) => r.code }),
    serviceType: t.field({ type: ServiceTypeEnum, nullable: true, resolve: (r) => (r.code === 'SERVICE_TYPE_NOT_NEEDED' ? r.serviceType : null) }),
    age: t.int({ nullable: true, description: 'The asked age.', resolve: (r) => ('age' in r ? r.age : null) }),
    limit: t.int({ nullable: true, description: "The service's minimum or maximum age.", resolve: (r) => ('limit' in r ? r.limit : null) }),
    gender: t.field({ type: GenderEnum, nullable: true, resolve: (r) => (r.code === 'GENDER_NOT_SERVED' ? r.gender : null) }),
    exploitationType: t.field({
      type: ExploitationTypeEnum,
      nullable: true,
      resolve: (r) => (r.code === 'EXPLOITATION_TYPE_NOT_SERVED' ? r.exploitationType : null),
    }),
  }),
});

type Result = MatchResult<Candidate>;

const RankedServiceObject = builder.objectRef<Result['ranked'][number]>('RankedService').implement({
  fields: (t) => ({
    service: t.field({ type: ServiceObject, resolve: (r) => r.service }),
    score: t.exposeFloat('score', { description: '0–100; the breakdown adds up to it.' }),
    distanceKm: t.exposeFloat('distanceKm', { nullable: true, description: 'Straight-line distance; null when not known.' }),
    breakdown: t.field({ type: [ScoreFactorObject], resolve: (r) => r.breakdown }),
  }),
});

const ExcludedServiceObject = builder.objectRef<Result['excluded'][number]>('ExcludedService').implement({
  fields: (t) => ({
    service: t.field({ type: ServiceObject, resolve: (r) => r.service }),
    why: t.field({ type: [ExclusionReasonObject], resolve: (r) => r.why }),
    reasons: t.exposeStringList('reasons', { description: 'English words for why, in the same order; clients that translate use why.' }),
  }),
});

const MatchResultObject = builder.objectRef<Result>('MatchResult').implement({
  fields: (t) => ({
    ranked: t.field({ type: [RankedServiceObject], resolve: (r) => r.ranked }),
    excluded: t.field({ type: [ExcludedServiceObject], resolve: (r) => r.excluded }),
  }),
});

type Input = typeof MatchServicesInput.$inferInput;

/** Checks the input and turns it into the domain request; bad input is refused before anything is read. */
function matchRequestFromInput(input: Input): MatchRequest {
  const serviceTypes = enumList('serviceTypes', input.serviceTypes) ?? [];
  if (serviceTypes.length === 0) throw badInput('serviceTypes', 'Give at least one service type');
  const age = ageBound('age', input.age);
  const position = coordinates(input.latitude, input.longitude);
  let location: MatchRequest['location'] = null;
  if (position && position.latitude !== null && position.longitude !== null) {
    location = { latitude: position.latitude, longitude: position.longitude, label: null };
  } else if (input.place !== null && input.place !== undefined) {
    const place = findPlace(input.place);
    // The message does not repeat the name: it may be where the person lives.
    if (!place) throw badInput('place', 'Unknown place: give a Dutch town name or coordinates');
    location = { latitude: place.latitude, longitude: place.longitude, label: place.name };
  }
  return {
    serviceTypes,
    age: age ?? null,
    gender: input.gender ?? null,
    languages: languageCodes('languages', input.languages ?? []) ?? [],
    exploitationType: input.exploitationType ?? null,
    location,
    region: input.region ?? null,
    urgency: input.urgency,
    allowWaitlist: input.allowWaitlist ?? false,
  };
}

builder.queryFields((t) => ({
  matchServices: t.field({
    type: MatchResultObject,
    description:
      'For coordinators: services ranked by fit for one person, and the services of the asked types that cannot ' +
      'take them, each with its reasons. Only services of the asked types are considered.',
    args: { input: t.arg({ type: MatchServicesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!ctx.caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
      const request = matchRequestFromInput(input);
      // One findMany with its two relations: Prisma loads them in batched queries (one per relation), not per service.
      const candidates = await ctx.db.service.findMany({
        where: { type: { in: [...request.serviceTypes] } },
        include: { organisation: true, capacity: true },
      });
      // One aggregate query for the candidates' organisations; one without history is absent and scored neutral.
      const responseRecords = await loadResponseRecords(ctx.db, candidates.map((c) => c.organisationId));
      return matchServices(candidates, request, { responseRecords, capacityStaleDays: ctx.settings.capacityStaleDays });
    },
  }),
}));

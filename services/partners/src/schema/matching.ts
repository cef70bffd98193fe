import { URGENCIES } from '@haven/kit/src/taxonomy';
import { AppError, badInput } from '@haven/kit/src/errors';
import { builder } from '../builder';
import { ageBound, coordinates, enumList, languageCodes } from '../domain/input-rules';
import { matchServices, type MatchRequest, type MatchResult } from '../domain/match-services';
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

const ScoreFactorObject = builder.objectRef<{ factor: (typeof MatchFactorEnum.$inferType); points: number; max: number; explanation: string }>('ScoreFactor').implement({
  description: 'One part of a match score, with the reason in words.',
  fields: (t) => ({
    factor: t.expose('factor', { type: MatchFactorEnum }),
    points: t.exposeFloat('points'),
    max: t.exposeFloat('max'),
    explanation: t.exposeString('explanation'),
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
    reasons: t.exposeStringList('reasons'),
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
    location = { latitude: position.latitude, longitude: position.longitude, label: 'the given position' };
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

import type { MatchRequest } from '@haven/partners/src/domain/match-services';
import { findPlace } from '@haven/kit/src/geo/gazetteer';

/** One person's needs, asked of both paths: a young woman near Utrecht, urgent, three kinds of help. */
export const MATCH_INPUT = {
  serviceTypes: ['SHELTER', 'MEDICAL_CARE', 'LEGAL_AID'],
  age: 19,
  gender: 'FEMALE',
  languages: ['ro', 'en'],
  exploitationType: 'SEXUAL',
  place: 'Utrecht',
  urgency: 'URGENT',
  allowWaitlist: true,
} as const;

const utrecht = findPlace(MATCH_INPUT.place)!;

/** MATCH_INPUT as the resolver turns it into the domain request (the place resolved through the gazetteer). */
export const MATCH_REQUEST: MatchRequest = {
  serviceTypes: MATCH_INPUT.serviceTypes,
  age: MATCH_INPUT.age,
  gender: MATCH_INPUT.gender,
  languages: MATCH_INPUT.languages,
  exploitationType: MATCH_INPUT.exploitationType,
  location: { latitude: utrecht.latitude, longitude: utrecht.longitude, label: utrecht.name },
  region: null,
  urgency: MATCH_INPUT.urgency,
  allowWaitlist: MATCH_INPUT.allowWaitlist,
};

/** What a coordinator's screen asks for: the ranking with its explanation, and why the others were left out. */
export const MATCH_QUERY = `query Match($input: MatchServicesInput!) {
  matchServices(input: $input) {
    ranked { score distanceKm service { id } breakdown { factor points } }
    excluded { reasons }
  }
}`;

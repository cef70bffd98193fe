import type { introspection_types } from '@/graphql-env';

/** Enum values the forms offer that kit's taxonomy does not list; `satisfies` keeps them equal to the API schema. */
type CareKind = introspection_types['CareOrganisationKind']['enumValues'];
export const CARE_KINDS = [
  'SHELTER',
  'HEALTHCARE',
  'MENTAL_HEALTH',
  'LEGAL_AID',
  'YOUTH_CARE',
  'ADDICTION_CARE',
  'MUNICIPALITY',
  'SOCIAL_SERVICES',
  'INTERPRETATION',
  'OTHER',
] as const satisfies readonly CareKind[];

/** The API's scope names (kit's API_SCOPES are the token's own spellings, "directory:read"). */
type ApiScope = introspection_types['ApiScope']['enumValues'];
export const API_SCOPE_NAMES = [
  'DIRECTORY_READ',
  'REFERRALS_READ',
  'REFERRALS_WRITE',
  'CAPACITY_WRITE',
  'MESSAGES_READ',
  'MESSAGES_WRITE',
] as const satisfies readonly ApiScope[];

import { EXPLOITATION_TYPES, GENDERS } from '@haven/kit/src/taxonomy';
import { builder } from '../builder';

// Values mirror the Prisma enums of the same names (prisma/partners/schema.prisma).

export const CareOrganisationKindEnum = builder.enumType('CareOrganisationKind', {
  description: 'What kind of care organisation a partner is',
  values: ['SHELTER', 'HEALTHCARE', 'MENTAL_HEALTH', 'LEGAL_AID', 'YOUTH_CARE', 'ADDICTION_CARE', 'MUNICIPALITY', 'SOCIAL_SERVICES', 'INTERPRETATION', 'OTHER'] as const,
});

export const GenderEnum = builder.enumType('Gender', {
  description: 'A gender a service accepts (an empty list on a service: no restriction)',
  values: GENDERS,
});

export const ExploitationTypeEnum = builder.enumType('ExploitationType', {
  description: 'A form of exploitation a service is equipped for (an empty list on a service: no restriction)',
  values: EXPLOITATION_TYPES,
});

/** Age from which a person is an adult here (Dutch law). */
export const ADULT_AGE = 18;

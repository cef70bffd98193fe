import { z } from 'zod';
import { PROVINCES, ROLES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import type { introspection_types } from '../graphql-env';

/**
 * Haven's fixed vocabularies come from the one list in code (services/kit/src/taxonomy.ts, plain
 * constants only), so the portal cannot drift from the API's enums.
 */
export { PROVINCES, ROLES, SERVICE_TYPES };
export type { Province, Role, ServiceType } from '@haven/kit/src/taxonomy';

export const provinceSchema = z.enum(PROVINCES);
export const serviceTypeSchema = z.enum(SERVICE_TYPES);
/** The API schema's enum (kit's taxonomy has no list of organisation kinds). */
export type OrganisationKind = introspection_types['OrganisationKind']['enumValues'];

export function isProvince(value: unknown): value is z.infer<typeof provinceSchema> {
  return provinceSchema.safeParse(value).success;
}
export function isServiceType(value: unknown): value is z.infer<typeof serviceTypeSchema> {
  return serviceTypeSchema.safeParse(value).success;
}

/**
 * Fixed vocabularies shared by every service. DESIGN.md: "The service taxonomy is a fixed list in code."
 * Prisma enums mirror these lists; tests keep them equal.
 */
export const SERVICE_TYPES = [
  'SHELTER',
  'CRISIS_ACCOMMODATION',
  'MEDICAL_CARE',
  'MENTAL_HEALTH',
  'LEGAL_AID',
  'YOUTH_CARE',
  'ADDICTION_CARE',
  'EDUCATION_WORK',
  'FINANCIAL_AID',
  'HOUSING',
  'INTERPRETATION',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** How soon a case needs care; drives response deadlines (cases) and the matching weights (partners). */
export const URGENCIES = ['IMMEDIATE', 'URGENT', 'STANDARD'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PROVINCES = [
  'GRONINGEN',
  'FRIESLAND',
  'DRENTHE',
  'OVERIJSSEL',
  'FLEVOLAND',
  'GELDERLAND',
  'UTRECHT',
  'NOORD_HOLLAND',
  'ZUID_HOLLAND',
  'ZEELAND',
  'NOORD_BRABANT',
  'LIMBURG',
] as const;
export type Province = (typeof PROVINCES)[number];

/** Genders a service serves and a case states (cases and partners compose to one enum). */
export const GENDERS = ['FEMALE', 'MALE', 'NON_BINARY'] as const;
export type Gender = (typeof GENDERS)[number];

/** Forms of exploitation (cases and partners compose to one enum). */
export const EXPLOITATION_TYPES = ['SEXUAL', 'LABOUR', 'CRIMINAL', 'OTHER'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const ROLES = ['COORDINATOR', 'PARTNER_STAFF', 'PARTNER_ADMIN', 'NETWORK_ADMIN', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an integration's API token may do (DESIGN.md: "integration | one partner organisation | what its
 * scopes allow"). A token never has roles; rules grant a field to roles OR a scope (kit graphql/permissions.ts
 * roleOrScope, memberOrScope), and the domain checks still bind it to its own organisation.
 */
export const API_SCOPES = [
  'directory:read',
  'referrals:read',
  'referrals:write',
  'capacity:write',
  'messages:read',
  'messages:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ORGANISATION_KINDS = ['COORDINATING', 'PARTNER'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/**
 * Which roles a membership may hold in each kind of organisation (DESIGN.md, "Who uses it"). A role outside
 * its kind would carry that role's full rights in the wrong organisation, so identity refuses such a
 * membership in the database (triggers in prisma/identity, the same mapping in SQL) and drops such a role
 * when it signs an identity.
 */
export const ROLES_BY_ORGANISATION_KIND: { readonly [K in OrganisationKind]: readonly Role[] } = {
  COORDINATING: ['COORDINATOR', 'NETWORK_ADMIN', 'AUDITOR'],
  PARTNER: ['PARTNER_STAFF', 'PARTNER_ADMIN'],
};

export function roleFitsOrganisationKind(role: Role, kind: OrganisationKind): boolean {
  return ROLES_BY_ORGANISATION_KIND[kind]?.includes(role) ?? false;
}

/** The parts of Haven that hold a key pair of their own. */
export const SUBGRAPHS = ['identity', 'partners', 'cases', 'consent'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export const PARTS = ['gateway', ...SUBGRAPHS] as const;
export type PartName = (typeof PARTS)[number];

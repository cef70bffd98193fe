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

export const ROLES = ['COORDINATOR', 'PARTNER_STAFF', 'PARTNER_ADMIN', 'NETWORK_ADMIN', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** The parts of Haven that hold a key pair of their own. */
export const SUBGRAPHS = ['identity', 'partners', 'cases', 'consent'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export const PARTS = ['gateway', ...SUBGRAPHS] as const;
export type PartName = (typeof PARTS)[number];

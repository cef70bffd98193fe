import type { Identity } from '@haven/kit/src/trust/tokens';

/**
 * The organisation whose consent records this caller may read, or null for none: a coordinator reads
 * the records their active organisation recorded. Partners never read records (they learn what consent
 * allows through the cases service's decisions); network admins and auditors never read personal data.
 */
export function consentReaderOrganisation(caller: Identity | null): string | null {
  if (!caller?.organisationId || !caller.roles.includes('COORDINATOR')) return null;
  return caller.organisationId;
}

/**
 * Whether this caller may read this one consent record. Shared by the shield map (per object, never
 * cached) and the queries' SQL filters, so `consentRecordsForCase`, `Case.consentRecords` and
 * `_entities` cannot disagree. A row without its recording organisation is refused (fail closed).
 */
export function mayReadConsentRecord(
  caller: Identity | null,
  row: { recordedByOrganisationId?: string | null } | null | undefined,
): boolean {
  const organisationId = consentReaderOrganisation(caller);
  return organisationId !== null && typeof row?.recordedByOrganisationId === 'string' && row.recordedByOrganisationId === organisationId;
}

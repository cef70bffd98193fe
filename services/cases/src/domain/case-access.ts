import type { Identity } from '@haven/kit/src/trust/tokens';

/**
 * Who may see a case at all: a coordinator of the organisation that coordinates it. Used by the
 * shield map (per object, never cached), by reference resolution and by the queries, so `case`,
 * `cases` and `_entities` cannot disagree. Partners get access through referrals (later).
 */
export function mayViewCase(
  caller: Identity | null,
  row: { coordinatingOrganisationId?: string | null } | null | undefined,
): boolean {
  if (!caller?.organisationId || !caller.roles.includes('COORDINATOR')) return false;
  return typeof row?.coordinatingOrganisationId === 'string' && row.coordinatingOrganisationId === caller.organisationId;
}

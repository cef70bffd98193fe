import { z } from 'zod';

/**
 * The whole directory as one Open Referral HSDS 3.0 document. The partners subgraph maps one organisation
 * at a time (`Organisation.hsds`); the portal only concatenates. Pure, so it is unit-tested.
 *
 * The objects are passed through as the subgraph made them: their shape is HSDS', checked by the
 * browser test against the HSDS schemas, not re-declared here.
 */
const hsdsObject = z.record(z.string(), z.unknown());

export const hsdsDirectorySchema = z.object({
  organizations: z.array(hsdsObject),
  services: z.array(hsdsObject),
  locations: z.array(hsdsObject),
  service_at_locations: z.array(hsdsObject),
});
export type HsdsDirectory = z.infer<typeof hsdsDirectorySchema>;

/** One organisation's export; null while it has no directory profile. */
export type HsdsEntry = { organisation: { id: string; name: string; hsds: HsdsDirectory | null } };

/**
 * Organisations by name (Dutch collation), then id, so the same directory always gives the same
 * file whatever order the gateway answered in. An organisation seen twice is exported once.
 */
export function mergeHsdsDirectories(entries: readonly HsdsEntry[]): HsdsDirectory {
  const merged: HsdsDirectory = { organizations: [], services: [], locations: [], service_at_locations: [] };
  const seen = new Set<string>();
  const ordered = [...entries].sort(
    (a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl') || compare(a.organisation.id, b.organisation.id),
  );
  for (const { organisation } of ordered) {
    if (!organisation.hsds || seen.has(organisation.id)) continue;
    seen.add(organisation.id);
    merged.organizations.push(...organisation.hsds.organizations);
    merged.services.push(...organisation.hsds.services);
    merged.locations.push(...organisation.hsds.locations);
    merged.service_at_locations.push(...organisation.hsds.service_at_locations);
  }
  return merged;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

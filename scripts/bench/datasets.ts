import type { MatchCandidate, MatchRequest } from '@haven/partners/src/domain/match-services';
import type { PartnersSeed } from '@haven/partners/src/domain/seed-partners';
import type { DemoCapacity, DemoProfile, DemoService } from '../demo-network';
import { buildDemoNetwork } from '../demo-network';
import { capacityRows } from '../stack/seed';
import { generatedDirectory } from './generated-directory';

/**
 * One directory, in the two shapes the benchmark needs: rows for the partners tables (what the resolver
 * reads back) and the same services as ranking candidates (what the pure ranking gets). Both come from the
 * same rows, so the two paths rank the same directory.
 */
export interface BenchDataset {
  label: string;
  rows: Required<PartnersSeed>;
  /** Every service of the directory, as the resolver's query would return it with its organisation and capacity. */
  candidates: MatchCandidate[];
}

/** The candidates the resolver's query selects for `request` (the asked service types), for the same ranking work. */
export function candidatesFor(dataset: BenchDataset, request: MatchRequest): MatchCandidate[] {
  return dataset.candidates.filter((c) => request.serviceTypes.includes(c.type));
}

/** A service row; the demo leaves the place empty (= at the organisation's address), generated ones set it. */
export type ServiceRow = DemoService & { city?: string; latitude?: number | null; longitude?: number | null };
export type CapacityRow = Omit<DemoCapacity, 'confirmedDaysAgo'> & { confirmedAt: Date | null };

/** The demo network `npm run db:seed` loads into partners (the same rows and capacity dates). */
export function seededDataset(now = new Date()): BenchDataset {
  const network = buildDemoNetwork();
  return dataset('seeded', network.profiles, network.services, capacityRows(network.capacities, now));
}

export function generatedDataset(count: number, now = new Date()): BenchDataset {
  const { profiles, services, capacities } = generatedDirectory(count, now);
  return dataset(`${count / 1000}k`, profiles, services, capacities);
}

function dataset(label: string, profiles: DemoProfile[], services: ServiceRow[], capacities: CapacityRow[]): BenchDataset {
  return {
    label,
    rows: { profiles, services, capacities },
    candidates: toCandidates(profiles, services, capacities),
  };
}

/** What the resolver's findMany hands the ranking, built from the rows instead (columns the ranking ignores left out). */
function toCandidates(profiles: DemoProfile[], services: ServiceRow[], capacities: CapacityRow[]): MatchCandidate[] {
  const byOrganisation = new Map(profiles.map((p) => [p.organisationId, p]));
  const byService = new Map(capacities.map((c) => [c.serviceId, c]));
  return services.map((s) => {
    const capacity = byService.get(s.id);
    return {
      ...s,
      city: s.city ?? '',
      latitude: s.latitude ?? null,
      longitude: s.longitude ?? null,
      organisation: byOrganisation.get(s.organisationId)!,
      capacity: capacity
        ? { totalSlots: capacity.totalSlots, heldSlots: 0, waitlistLength: capacity.waitlistLength, paused: capacity.paused, confirmedAt: capacity.confirmedAt }
        : null,
    };
  });
}

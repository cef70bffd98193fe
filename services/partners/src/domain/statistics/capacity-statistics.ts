import { isSmallCell, type CountCell, type MeasureCell } from '@haven/kit/src/statistics/small-cells';
import type { Province, ServiceType } from '@haven/kit/src/taxonomy';
import type { PartnersDb } from '../../db';

/** One service's capacity as it counts towards the statistics. */
export interface ServiceCapacityFacts {
  province: Province;
  type: ServiceType;
  totalSlots: number;
  heldSlots: number;
}

/** Utilisation of one province × service type: services and slots (no people), held slots (people). */
export interface CapacityStatisticsRow {
  province: Province;
  serviceType: ServiceType;
  services: number;
  totalSlots: number;
  heldSlots: CountCell;
  utilisation: MeasureCell;
}

/**
 * Groups services by province and type. A held slot is a person in care (one accepted referral each), so
 * the held count is suppressed at 1–4 and utilisation (held ÷ total, which gives held away with the total
 * beside it) with it. Services and slots count places, not people, and are directory facts anyway. No
 * margins are published, so no total can give a hidden cell away.
 */
export function aggregateCapacity(services: readonly ServiceCapacityFacts[]): CapacityStatisticsRow[] {
  const groups = new Map<string, ServiceCapacityFacts[]>();
  for (const service of services) {
    const key = `${service.province}|${service.type}`;
    groups.set(key, [...(groups.get(key) ?? []), service]);
  }
  return [...groups.values()]
    .map((group) => {
      const totalSlots = group.reduce((sum, s) => sum + s.totalSlots, 0);
      const held = group.reduce((sum, s) => sum + s.heldSlots, 0);
      const hidden = isSmallCell(held);
      return {
        province: group[0]!.province,
        serviceType: group[0]!.type,
        services: group.length,
        totalSlots,
        heldSlots: hidden ? { value: null, suppressed: true } : { value: held, suppressed: false },
        utilisation: hidden || totalSlots === 0 ? { value: null, suppressed: true } : { value: Math.round((held / totalSlots) * 1000) / 1000, suppressed: false },
      };
    })
    .sort((a, b) => a.province.localeCompare(b.province) || a.serviceType.localeCompare(b.serviceType));
}

/** Every service with its capacity, in one query, aggregated here: nothing per service leaves. */
export async function capacityStatistics(db: PartnersDb): Promise<CapacityStatisticsRow[]> {
  const rows = await db.service.findMany({ select: { province: true, type: true, capacity: { select: { totalSlots: true, heldSlots: true } } } });
  return aggregateCapacity(
    rows.map((row) => ({ province: row.province, type: row.type, totalSlots: row.capacity?.totalSlots ?? 0, heldSlots: row.capacity?.heldSlots ?? 0 })),
  );
}

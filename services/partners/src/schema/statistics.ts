import type { CountCell, MeasureCell } from '@haven/kit/src/statistics/small-cells';
import { MIN_PEOPLE } from '@haven/kit/src/statistics/small-cells';
import { builder } from '../builder';
import { capacityStatistics, type CapacityStatisticsRow } from '../domain/statistics/capacity-statistics';
import { ProvinceEnum } from './province';
import { ServiceTypeEnum } from './service-type';

// Aggregates only: no service or organisation is named. The cell types have their own names (not the cases
// subgraph's StatisticsCount), so composition never has to merge two owners' value types.

const HeldSlotsCount = builder.objectRef<CountCell>('HeldSlotsCount').implement({
  description: `Slots held for people in care; null and suppressed when 1–${MIN_PEOPLE - 1} (shown as "<${MIN_PEOPLE}").`,
  fields: (t) => ({
    value: t.int({ nullable: true, resolve: (c) => c.value }),
    suppressed: t.boolean({ resolve: (c) => c.suppressed }),
  }),
});

const UtilisationShare = builder.objectRef<MeasureCell>('UtilisationShare').implement({
  description: 'Held ÷ total slots, 0–1; suppressed with the held count.',
  fields: (t) => ({
    value: t.float({ nullable: true, resolve: (c) => c.value }),
    suppressed: t.boolean({ resolve: (c) => c.suppressed }),
  }),
});

const CapacityStatisticsRowRef = builder.objectRef<CapacityStatisticsRow>('CapacityStatisticsRow').implement({
  fields: (t) => ({
    province: t.field({ type: ProvinceEnum, resolve: (r) => r.province }),
    serviceType: t.field({ type: ServiceTypeEnum, resolve: (r) => r.serviceType }),
    services: t.int({ resolve: (r) => r.services }),
    totalSlots: t.int({ resolve: (r) => r.totalSlots }),
    heldSlots: t.field({ type: HeldSlotsCount, resolve: (r) => r.heldSlots }),
    utilisation: t.field({ type: UtilisationShare, resolve: (r) => r.utilisation }),
  }),
});

builder.queryFields((t) => ({
  capacityStatistics: t.field({
    type: [CapacityStatisticsRowRef],
    description: "Coordinators and auditors: the network's capacity utilisation now, by province and service type.",
    resolve: (_root, _args, ctx) => capacityStatistics(ctx.db),
  }),
}));

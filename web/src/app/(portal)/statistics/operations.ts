import 'server-only';
import { graphql, type ResultOf } from '@/lib/graphql';

/** Network statistics: aggregates only, suppressed by the owning subgraphs (cases, partners) before they reach us. */
export const statisticsOperation = graphql(`
  query PortalStatistics($year: Int!, $quarter: Int!) {
    referralStatistics(year: $year, quarter: $quarter) {
      year quarter from to minimumCellSize
      weeks { weekStart total { value suppressed } states { state count { value suppressed } } }
      stateTotals { state count { value suppressed } }
      total { value suppressed }
      outcomes { outcome count { value suppressed } }
      acceptanceRate { value suppressed }
      medianHoursToFirstResponse { value suppressed }
      medianHoursToIntake { value suppressed }
      overdue { value suppressed }
    }
    capacityStatistics { province serviceType services totalSlots heldSlots { value suppressed } utilisation { value suppressed } }
  }
`);
export type StatisticsData = ResultOf<typeof statisticsOperation>;

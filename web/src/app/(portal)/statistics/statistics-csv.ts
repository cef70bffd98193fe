import type { StatisticsData } from './operations';

type Cell = { value: number | null; suppressed: boolean };

/** How a cell reads in the portal and the CSV: the number, or "<5" for every suppressed cell alike. */
export function cellText(cell: Cell, minimum = 5): string {
  return cell.suppressed || cell.value === null ? `<${minimum}` : String(cell.value);
}

/**
 * The statistics as one CSV in long form (section, dimension, dimension, measure, value), with exactly the
 * suppression the API applied: a suppressed cell is "<5", never a number. Enum codes, not translated words,
 * so a spreadsheet can filter on them in any language.
 */
export function statisticsCsv(data: StatisticsData): string {
  const stats = data.referralStatistics;
  const min = stats.minimumCellSize;
  const rows: string[][] = [['section', 'dimension_1', 'dimension_2', 'measure', 'value']];
  const period = `${stats.year}-Q${stats.quarter}`;
  for (const week of stats.weeks) {
    const day = week.weekStart.slice(0, 10);
    for (const { state, count } of week.states) rows.push(['referrals_by_week', day, state, 'referrals', cellText(count, min)]);
    rows.push(['referrals_by_week', day, 'ALL', 'referrals', cellText(week.total, min)]);
  }
  for (const { state, count } of stats.stateTotals) rows.push(['referrals_in_quarter', period, state, 'referrals', cellText(count, min)]);
  rows.push(['referrals_in_quarter', period, 'ALL', 'referrals', cellText(stats.total, min)]);
  for (const { outcome, count } of stats.outcomes) rows.push(['outcomes', period, outcome, 'referrals', cellText(count, min)]);
  rows.push(['summary', period, '', 'acceptance_rate', measureText(stats.acceptanceRate, min, 3)]);
  rows.push(['summary', period, '', 'median_hours_to_first_response', measureText(stats.medianHoursToFirstResponse, min, 1)]);
  rows.push(['summary', period, '', 'median_hours_to_intake', measureText(stats.medianHoursToIntake, min, 1)]);
  rows.push(['summary', period, '', 'overdue_referrals', cellText(stats.overdue, min)]);
  for (const row of data.capacityStatistics) {
    rows.push(['capacity_now', row.province, row.serviceType, 'services', String(row.services)]);
    rows.push(['capacity_now', row.province, row.serviceType, 'total_slots', String(row.totalSlots)]);
    rows.push(['capacity_now', row.province, row.serviceType, 'held_slots', cellText(row.heldSlots, min)]);
    rows.push(['capacity_now', row.province, row.serviceType, 'utilisation', measureText(row.utilisation, min, 3)]);
  }
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function measureText(cell: Cell, minimum: number, decimals: number): string {
  return cell.suppressed || cell.value === null ? `<${minimum}` : cell.value.toFixed(decimals);
}

/** RFC 4180 quoting; a leading =, +, - or @ is defused so no spreadsheet runs a cell as a formula. */
function quote(field: string): string {
  const safe = /^[=+\-@]/.test(field) ? `'${field}` : field;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

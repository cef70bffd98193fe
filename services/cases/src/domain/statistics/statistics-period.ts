import { badInput } from '@haven/kit/src/errors';

/**
 * The period statistics cover: one calendar quarter (UTC), never an arbitrary range. Overlapping ranges
 * could be differenced — [weeks 1–5] minus [weeks 1–4] gives week 5's outcomes, which no published cell
 * shows — while quarters do not overlap and no aggregate over several is published.
 */
export interface StatisticsPeriod {
  year: number;
  quarter: number;
  from: Date;
  /** Exclusive: the first instant of the next quarter. */
  to: Date;
  /** Week buckets: the quarter's first day, then every Monday (UTC) after it up to `until`. */
  weekStarts: Date[];
}

export const FIRST_YEAR = 2020;
const DAY = 86_400_000;

/** Checks the requested quarter (BAD_USER_INPUT naming the argument) and lays out its weeks up to `now`. */
export function statisticsPeriod(year: number, quarter: number, now: Date): StatisticsPeriod {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('quarter', 'quarter must be 1, 2, 3 or 4');
  if (!Number.isInteger(year) || year < FIRST_YEAR) throw badInput('year', `year must be ${FIRST_YEAR} or later`);
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  if (from.getTime() > now.getTime()) throw badInput('year', 'That quarter has not begun yet');
  const to = new Date(Date.UTC(year, quarter * 3, 1));
  const until = Math.min(to.getTime(), now.getTime());
  const weekStarts = [from];
  for (let monday = nextMonday(from); monday.getTime() < until; monday = new Date(monday.getTime() + 7 * DAY)) weekStarts.push(monday);
  return { year, quarter, from, to, weekStarts };
}

/** The index of the week bucket `at` falls in (the last bucket starting at or before it). */
export function weekIndexOf(period: StatisticsPeriod, at: Date): number {
  let index = 0;
  while (index + 1 < period.weekStarts.length && period.weekStarts[index + 1]!.getTime() <= at.getTime()) index++;
  return index;
}

function nextMonday(day: Date): Date {
  const daysAhead = (8 - day.getUTCDay()) % 7 || 7;
  return new Date(day.getTime() + daysAhead * DAY);
}

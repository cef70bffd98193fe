/**
 * The quarter a statistics request asks for, read from the address (?year=2026&quarter=4) and checked on the
 * server before the gateway is asked: whole calendar quarters only (the API offers nothing else, so periods
 * cannot be differenced), from 2020 up to the current one. No parameters: the current quarter.
 */
export interface Quarter {
  year: number;
  quarter: number;
}
export type PeriodResult = { ok: true; period: Quarter } | { ok: false; period: Quarter };

export const FIRST_YEAR = 2020;

export function currentQuarter(now: Date): Quarter {
  return { year: now.getUTCFullYear(), quarter: Math.floor(now.getUTCMonth() / 3) + 1 };
}

/** A valid period, or the current quarter with ok=false so the page can say the asked one was refused. */
export function parsePeriod(params: { year?: string | string[]; quarter?: string | string[] }, now: Date): PeriodResult {
  const current = currentQuarter(now);
  if (params.year === undefined && params.quarter === undefined) return { ok: true, period: current };
  const year = wholeNumber(params.year);
  const quarter = wholeNumber(params.quarter);
  if (year === null || quarter === null || quarter < 1 || quarter > 4 || year < FIRST_YEAR) return { ok: false, period: current };
  if (year > current.year || (year === current.year && quarter > current.quarter)) return { ok: false, period: current };
  return { ok: true, period: { year, quarter } };
}

/** The quarters offered in the period picker, newest first. */
export function quartersUntil(now: Date): Quarter[] {
  const current = currentQuarter(now);
  const list: Quarter[] = [];
  for (let year = current.year; year >= FIRST_YEAR; year--) {
    for (let quarter = year === current.year ? current.quarter : 4; quarter >= 1; quarter--) list.push({ year, quarter });
  }
  return list;
}

function wholeNumber(raw: string | string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw)) return null;
  return Number(raw);
}

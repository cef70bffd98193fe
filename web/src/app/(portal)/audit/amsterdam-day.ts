/**
 * A calendar day as people in the Netherlands mean it: from midnight Europe/Amsterdam (CET or CEST, whichever
 * holds that day) — not the server's own time zone.
 */
export function amsterdamMidnight(day: string, addDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utcNoon = new Date(Date.UTC(year, month - 1, date + addDays, 12));
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(utcNoon)
    .find((part) => part.type === 'timeZoneName')?.value; // "GMT+1" or "GMT+2"
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? 0);
  return new Date(Date.UTC(year, month - 1, date + addDays) - hours * 3600_000).toISOString();
}

export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

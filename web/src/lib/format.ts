import 'server-only';
import { getFormatter, getNow } from 'next-intl/server';

/**
 * Dates and times as the reader's language writes them, always in Dutch time (the request config sets
 * Europe/Amsterdam). Values come from the API as ISO-8601 strings in UTC.
 */
export async function getDates() {
  const format = await getFormatter();
  const now = await getNow();
  const parse = (iso: string) => new Date(iso);
  return {
    dateTime: (iso: string) => format.dateTime(parse(iso), 'dateTime'),
    date: (iso: string) => format.dateTime(parse(iso), 'date'),
    /** "in 3 hours", "2 days ago": for deadlines and recent events, beside the exact time. */
    relative: (iso: string) => format.relativeTime(parse(iso), now),
  };
}

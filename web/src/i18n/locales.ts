/**
 * The portal's languages. Dutch is the network's working language and the default; English is for
 * colleagues who do not read Dutch. The choice lives in a cookie (no locale in URLs: links shared between
 * colleagues open in each reader's own language).
 */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'haven_locale';

/** Every date and time in the portal is shown as it is in the Netherlands, whatever the server's zone. */
export const TIME_ZONE = 'Europe/Amsterdam';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Named formats, so every page shows dates the same way (`format.dateTime(date, 'dateTime')`). */
export const formats = {
  dateTime: {
    dateTime: { dateStyle: 'medium', timeStyle: 'short' },
    date: { dateStyle: 'medium' },
    time: { timeStyle: 'short' },
  },
  number: {
    km: { maximumFractionDigits: 1 },
    percent: { style: 'percent', maximumFractionDigits: 0 },
  },
} as const;

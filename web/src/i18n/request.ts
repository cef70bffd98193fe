import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogues } from './messages';
import { DEFAULT_LOCALE, formats, isLocale, LOCALE_COOKIE, TIME_ZONE } from './locales';

/** next-intl's per-request configuration: the language from the cookie, Dutch time for everyone. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return { locale, messages: catalogues[locale], timeZone: TIME_ZONE, formats };
});

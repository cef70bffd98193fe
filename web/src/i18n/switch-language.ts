'use server';

import { cookies, headers } from 'next/headers';
import { portalConfig } from '@/lib/config';
import { shouldUseSecureCookie } from '@/lib/session-cookie';
import { isLocale, LOCALE_COOKIE } from './locales';

/**
 * The language switch's server action. A plain form post, so it works without JavaScript; the page comes
 * back rendered in the chosen language. Anything but a known locale changes nothing.
 */
export async function switchLanguage(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  const config = portalConfig();
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: shouldUseSecureCookie(await headers(), config.cookieSecure, config.production),
    maxAge: 60 * 60 * 24 * 365,
  });
}

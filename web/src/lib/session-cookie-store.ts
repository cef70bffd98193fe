import 'server-only';
import { cookies, headers } from 'next/headers';
import { portalConfig } from './config';
import { SESSION_COOKIE } from './session-cookie-name';
import { sessionCookieOptions, shouldUseSecureCookie } from './session-cookie';

/** Server actions and route handlers only: server components may not change cookies. */
export async function storeSessionToken(token: string): Promise<void> {
  const config = portalConfig();
  const secure = shouldUseSecureCookie(await headers(), config.cookieSecure, config.production);
  // A session cookie (no Max-Age): identity owns the session's lifetime and idle timeout.
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(secure));
}

export async function forgetSessionToken(): Promise<void> {
  const config = portalConfig();
  const secure = shouldUseSecureCookie(await headers(), config.cookieSecure, config.production);
  (await cookies()).set(SESSION_COOKIE, '', { ...sessionCookieOptions(secure), maxAge: 0 });
}

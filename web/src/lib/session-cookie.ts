import { SESSION_COOKIE } from './session-cookie-name';

/**
 * The session cookie holds the gateway's opaque session token. httpOnly so page scripts never read it,
 * SameSite=Lax so other sites cannot post with it, Secure whenever the connection is (or should be) https.
 */

type CookieReader = { get(name: string): { value: string } | undefined };
type HeaderReader = { get(name: string): string | null };

/** Opaque tokens are short; anything else is not ours and is not forwarded. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,512}$/;

export function readSessionToken(cookies: CookieReader): string | undefined {
  const value = cookies.get(SESSION_COOKIE)?.value;
  return value && TOKEN_PATTERN.test(value) ? value : undefined;
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}

/**
 * 'auto': Secure when the request came over https (directly or through a TLS-terminating proxy), and
 * always in production — except on a loopback address, where browsers may be reached over plain http
 * for the local demo.
 */
export function shouldUseSecureCookie(
  headers: HeaderReader,
  mode: 'auto' | 'always' | 'never',
  production: boolean,
): boolean {
  if (mode !== 'auto') return mode === 'always';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (proto === 'https') return true;
  if (!production) return false;
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]?.trim() ?? '';
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return !['localhost', '127.0.0.1', '[::1]'].includes(hostname ?? '');
}

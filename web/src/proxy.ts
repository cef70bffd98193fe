import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from './lib/session-cookie-name';

/**
 * Runs before every page and action: a per-request Content-Security-Policy (nonce, no inline script
 * or style without it) and an early redirect to /login when there is no session cookie at all.
 * This is an optimistic check only — whether the session is valid is the gateway's call, made on every
 * data request (src/lib/session.ts).
 */

const PUBLIC_PATHS = new Set(['/login', '/login/code', '/session-ended', '/reset']);
/** The pages e-mailed links open (/invite/<token>, /reset/<token>): reached before anyone has a session. */
const PUBLIC_PREFIXES = ['/invite/', '/reset/'];
const isPublic = (pathname: string) => PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce'd script are trusted; nothing else is.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https =
    request.nextUrl.protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

  let response: NextResponse;
  let csp: string | undefined;
  if (!isPublic(pathname) && !request.cookies.get(SESSION_COOKIE)?.value) {
    response = NextResponse.redirect(new URL('/login', request.url), 303);
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    csp = contentSecurityPolicy(nonce, https);
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  response.headers.set('Content-Security-Policy', csp ?? "default-src 'none'; frame-ancestors 'none'");
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};

import 'server-only';
import { cookies, headers } from 'next/headers';
import { portalConfig } from '@/lib/config';
import { shouldUseSecureCookie } from '@/lib/session-cookie';
import { CHALLENGE_LIFETIME_SECONDS } from './sign-in-steps';

/**
 * Between the password and the code the browser holds identity's second-factor challenge in its own cookie:
 * httpOnly (no script reads it), SameSite=Strict and scoped to /login (sent nowhere else), and gone after the
 * challenge's five minutes. Not in the page: a challenge in the HTML would end up in caches and history.
 */
const CHALLENGE_COOKIE = 'haven_login_challenge';
const CHALLENGE_PATTERN = /^hvc_[A-Za-z0-9_-]{43}$/;

async function options() {
  const config = portalConfig();
  const secure = shouldUseSecureCookie(await headers(), config.cookieSecure, config.production);
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/login' };
}

export async function storeLoginChallenge(challenge: string): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, challenge, { ...(await options()), maxAge: CHALLENGE_LIFETIME_SECONDS });
}

export async function readLoginChallenge(): Promise<string | undefined> {
  const value = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  return value && CHALLENGE_PATTERN.test(value) ? value : undefined;
}

export async function forgetLoginChallenge(): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, '', { ...(await options()), maxAge: 0 });
}

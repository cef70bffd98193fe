'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { loginOperation } from '@/lib/operations/identity';
import { storeSessionToken } from '@/lib/session-cookie-store';
import { storeLoginChallenge } from './challenge-cookie';
import { afterSignIn } from './sign-in-steps';
import { getTranslations } from 'next-intl/server';

export type LoginState = {
  /** The e-mail address as typed, so a failed attempt does not empty the field. Never the password. */
  email: string;
  fieldErrors: { email?: string; password?: string };
  formError?: string;
};

const loginForm = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
});

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const t = await getTranslations('Login');
  const parsed = loginForm.safeParse({ email: formData.get('email') ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success) return { email: '', fieldErrors: {}, formError: t('invalidCredentials') };
  const { email, password } = parsed.data;

  const fieldErrors: LoginState['fieldErrors'] = {};
  if (!email) fieldErrors.email = t('emailRequired');
  else if (!z.email().safeParse(email).success) fieldErrors.email = t('emailInvalid');
  if (!password) fieldErrors.password = t('passwordRequired');
  if (fieldErrors.email || fieldErrors.password) return { email, fieldErrors };

  const result = await callGateway(loginOperation, { anonymous: true, variables: { input: { email, password } } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'TOO_MANY_ATTEMPTS') {
      return { email, fieldErrors: {}, formError: t('tooManyAttempts') };
    }
    // The gateway's per-address sign-in pace (HTTP 429), not this email's lock: nothing about the account.
    if (failure.kind === 'REJECTED' && failure.code === 'RATE_LIMITED') {
      return { email, fieldErrors: {}, formError: t('rateLimited') };
    }
    if (failure.kind === 'REJECTED' || failure.kind === 'UNAUTHENTICATED' || failure.kind === 'FORBIDDEN') {
      // INVALID_CREDENTIALS, BAD_USER_INPUT and anything else the user can fix: one message that does
      // not say whether the address exists.
      return { email, fieldErrors: {}, formError: t('invalidCredentials') };
    }
    return { email, fieldErrors: {}, formError: t('unavailable') };
  }

  const { sessionToken, secondFactorChallenge, activeOrganisation, memberships } = result.data.login;
  if (secondFactorChallenge) {
    // Two-factor sign-in: the password was right, the code comes next (/login/code).
    await storeLoginChallenge(secondFactorChallenge);
    redirect('/login/code');
  }
  if (!sessionToken) return { email, fieldErrors: {}, formError: t('unavailable') };
  await storeSessionToken(sessionToken);
  redirect(afterSignIn(activeOrganisation, memberships));
}

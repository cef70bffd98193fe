'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { callGateway } from '@/lib/gateway';
import { storeSessionToken } from '@/lib/session-cookie-store';
import { forgetLoginChallenge, readLoginChallenge } from '../challenge-cookie';
import { completeLoginOperation } from '../operations';
import { afterSignIn } from '../sign-in-steps';

export type CodeState = { formError?: string; fieldError?: string };

/** Longer than any TOTP (6 digits) or recovery code (19 characters with dashes), with room for stray spaces. */
const codeForm = z.object({ code: z.string().trim().max(64) });

/** The code of the authenticator app, or a recovery code, for the challenge the password step left in its cookie. */
export async function completeSignIn(_previous: CodeState, formData: FormData): Promise<CodeState> {
  const t = await getTranslations('LoginCode');
  const challenge = await readLoginChallenge();
  if (!challenge) redirect('/login?reason=challenge-ended');
  const parsed = codeForm.safeParse({ code: formData.get('code') ?? '' });
  if (!parsed.success || parsed.data.code === '') return { fieldError: t('codeRequired') };

  const result = await callGateway(completeLoginOperation, { anonymous: true, variables: { input: { challenge, code: parsed.data.code } } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'UNAUTHENTICATED') {
      // Expired, spent, or the account was deactivated meanwhile: back to the password, saying why.
      await forgetLoginChallenge();
      redirect('/login?reason=challenge-ended');
    }
    if (failure.kind === 'REJECTED' && failure.code === 'TOO_MANY_ATTEMPTS') return { formError: t('tooManyAttempts') };
    if (failure.kind === 'REJECTED' && failure.code === 'RATE_LIMITED') return { formError: t('rateLimited') };
    if (failure.kind === 'REJECTED') return { fieldError: t('wrongCode') };
    return { formError: t('unavailable') };
  }
  const { sessionToken, activeOrganisation, memberships } = result.data.completeLogin;
  if (!sessionToken) return { formError: t('unavailable') };
  await forgetLoginChallenge();
  await storeSessionToken(sessionToken);
  redirect(afterSignIn(activeOrganisation, memberships));
}

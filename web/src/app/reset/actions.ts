'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { passwordProblemKey } from '@/app/(portal)/account/password-problems';
import { callGateway } from '@/lib/gateway';
import type { FormState } from '@/lib/form-state';
import { acceptInvitationOperation, requestPasswordResetOperation, resetPasswordOperation } from './operations';

const failed = (fieldErrors: Record<string, string>, formError?: string, values: FormState['values'] = {}): FormState => ({
  status: 'failed',
  fieldErrors,
  formError,
  values,
});

/**
 * "Forgot my password": identity answers the same whether or not the address has an account, and so does this
 * page — only a malformed address, the rate limit or an unreachable Haven get another answer.
 */
export async function requestPasswordReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('PasswordReset');
  const email = String(formData.get('email') ?? '').trim().slice(0, 320);
  if (!email) return { status: 'invalid', fieldErrors: { email: t('emailRequired') }, values: { email } };
  if (!z.email().safeParse(email).success) return { status: 'invalid', fieldErrors: { email: t('emailInvalid') }, values: { email } };
  const result = await callGateway(requestPasswordResetOperation, { anonymous: true, variables: { input: { email } } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'RATE_LIMITED') return failed({}, t('rateLimited'), { email });
    return failed({}, t('unavailable'), { email });
  }
  return { status: 'done', fieldErrors: {}, message: t('requested'), values: {} };
}

/** The link's page (/invite/<token> or /reset/<token>): the token and which kind of link ride along as hidden fields. */
export async function setPasswordWithLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('PasswordReset');
  const account = await getTranslations('Account');
  const token = String(formData.get('token') ?? '').slice(0, 128);
  const purpose = formData.get('purpose') === 'invitation' ? 'invitation' : 'reset';
  const password = String(formData.get('password') ?? '').slice(0, 1024);
  if (!password) return { status: 'invalid', fieldErrors: { password: account('required') }, values: {} };
  const variables = { input: { token, password } };
  const result =
    purpose === 'invitation'
      ? await callGateway(acceptInvitationOperation, { anonymous: true, variables })
      : await callGateway(resetPasswordOperation, { anonymous: true, variables });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'NOT_FOUND') return failed({}, t('linkNotValid'));
    if (failure.kind === 'REJECTED' && failure.code === 'BAD_USER_INPUT') {
      const key = passwordProblemKey(failure.reason);
      return failed({ password: key ? account(key) : account('notSaved') });
    }
    if (failure.kind === 'REJECTED' && failure.code === 'RATE_LIMITED') return failed({}, t('rateLimited'));
    return failed({}, t('unavailable'));
  }
  return { status: 'done', fieldErrors: {}, message: t('passwordSet'), values: {} };
}

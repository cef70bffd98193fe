'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { callGateway, type GatewayFailure } from '@/lib/gateway';
import type { FormState } from '@/lib/form-state';
import { leaveIfSessionEnded } from '@/lib/session';
import { changePasswordOperation, confirmTotpEnrolmentOperation, disableTotpOperation, startTotpEnrolmentOperation } from './operations';
import { passwordProblemKey } from './password-problems';
import { qrCodeImage } from './qr-code';

const field = (formData: FormData, name: string, max = 1024) => String(formData.get(name) ?? '').slice(0, max);
const failed = (fieldErrors: Record<string, string>, formError?: string): FormState => ({ status: 'failed', fieldErrors, formError, values: {} });

async function commonFailure(failure: GatewayFailure): Promise<FormState> {
  const t = await getTranslations('Account');
  leaveIfSessionEnded(failure);
  if (failure.kind === 'REJECTED' && (failure.code === 'TOO_MANY_ATTEMPTS' || failure.code === 'RATE_LIMITED')) return failed({}, t('tooManyAttempts'));
  return failed({}, failure.kind === 'UNAVAILABLE' ? t('unavailable') : t('notSaved'));
}

/** A new password: identity checks the current one and the policy; each refusal is worded beside its field. */
export async function changePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Account');
  const currentPassword = field(formData, 'currentPassword');
  const newPassword = field(formData, 'newPassword');
  if (!currentPassword || !newPassword) {
    return failed({ ...(currentPassword ? {} : { currentPassword: t('required') }), ...(newPassword ? {} : { newPassword: t('required') }) });
  }
  const result = await callGateway(changePasswordOperation, { variables: { input: { currentPassword, newPassword } } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'INVALID_CREDENTIALS') return failed({ currentPassword: t('currentPasswordWrong') });
    if (failure.kind === 'REJECTED' && failure.code === 'BAD_USER_INPUT') {
      const key = passwordProblemKey(failure.reason);
      return failed({ newPassword: key ? t(key) : t('notSaved') });
    }
    return commonFailure(failure);
  }
  return { status: 'done', fieldErrors: {}, message: t('passwordChanged'), values: {} };
}

export type TwoFactorSetupState = FormState & {
  /** While enrolling: the QR code image and the same secret as text. Shown in this answer only. */
  enrolment?: { qrImage: string; secret: string };
  /** After confirming: the recovery codes, once. */
  recoveryCodes?: string[];
};

/** One form, two steps: without a code it starts the enrolment (QR), with a code it confirms it. */
export async function setUpTwoFactor(previous: TwoFactorSetupState, formData: FormData): Promise<TwoFactorSetupState> {
  const t = await getTranslations('Account');
  const code = field(formData, 'code', 64).trim();
  if (formData.get('step') !== 'confirm') {
    const result = await callGateway(startTotpEnrolmentOperation);
    if (!result.ok) return commonFailure(result.failure);
    const { otpauthUri, secret } = result.data.startTotpEnrolment;
    return { status: 'idle', fieldErrors: {}, values: {}, enrolment: { qrImage: await qrCodeImage(otpauthUri), secret } };
  }
  if (!code) return { ...previous, status: 'invalid', fieldErrors: { code: t('codeRequired') } };
  const result = await callGateway(confirmTotpEnrolmentOperation, { variables: { code } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'BAD_USER_INPUT') return { ...previous, status: 'failed', fieldErrors: { code: t('wrongCode') } };
    if (failure.kind === 'REJECTED' && failure.code === 'CONFLICT') return failed({}, t('setupChanged'));
    return commonFailure(failure);
  }
  revalidatePath('/account');
  return { status: 'done', fieldErrors: {}, values: {}, message: t('twoFactorOn'), recoveryCodes: result.data.confirmTotpEnrolment.codes };
}

/** Turning it off needs a code of now or a recovery code. */
export async function turnOffTwoFactor(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations('Account');
  const code = field(formData, 'code', 64).trim();
  if (!code) return failed({ code: t('codeRequired') });
  const result = await callGateway(disableTotpOperation, { variables: { code } });
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === 'REJECTED' && failure.code === 'INVALID_CREDENTIALS') return failed({ code: t('wrongCode') });
    return commonFailure(failure);
  }
  revalidatePath('/account');
  return { status: 'done', fieldErrors: {}, values: {}, message: t('twoFactorOff') };
}

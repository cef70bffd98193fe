import { AppError } from '@haven/kit/src/errors';
import type { IdentityDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { lockSecondsLeft, reservePasswordAttempt, throttleKey, tooManyAttempts } from './login-throttle';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { matchingStep, normaliseTotpCode } from './totp';
import type { TotpSecretBox } from './totp-secret-box';

export type SecondFactorUsed = 'totp' | 'recovery-code';

export interface TwoFactorUser {
  id: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
}

export const TWO_FACTOR_FIELDS = { id: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } as const;

/**
 * Code guesses are counted per account in the sign-in throttle's table (login-throttle.ts: five failures, then a
 * lock that doubles up to 15 minutes), under a key of their own, so a wrong code never locks the e-mail address and
 * a wrong password never spends the code budget. A right code forgives the failures (clearSecondFactorFailures).
 */
export function secondFactorThrottleKey(userId: string): string {
  return throttleKey(`second-factor:${userId}`);
}

export async function reserveSecondFactorAttempt(db: IdentityDb, userId: string, now: Date): Promise<void> {
  const key = secondFactorThrottleKey(userId);
  if (!(await reservePasswordAttempt(db, key, now))) throw tooManyAttempts(await lockSecondsLeft(db, key, now));
}

export function clearSecondFactorFailures(tx: Pick<Prisma.TransactionClient, 'loginThrottle'>, userId: string) {
  return tx.loginThrottle.deleteMany({ where: { emailHash: secondFactorThrottleKey(userId) } });
}

export const wrongCode = () => new AppError('INVALID_CREDENTIALS', 'The code is incorrect', { field: 'code' });

/**
 * Spends a second factor of `user` inside `tx`: a TOTP code of now (±1 step) newer than the last one accepted,
 * or an unused recovery code. Each is taken with one conditional UPDATE, so two requests racing with the same code
 * cannot both win: the loser sees null, as for a wrong code. The caller reserves a throttled attempt first.
 */
export async function spendSecondFactor(
  tx: Pick<Prisma.TransactionClient, 'user' | 'recoveryCode'>,
  box: TotpSecretBox,
  user: TwoFactorUser,
  code: string,
  now: Date,
): Promise<SecondFactorUsed | null> {
  if (!user.totpEnabledAt || !user.totpSecret) return null;
  const totp = normaliseTotpCode(code);
  if (totp) {
    const secret = box.open(user.totpSecret, user.id);
    const step = secret ? matchingStep(secret, totp, now, user.totpLastStep) : null;
    if (step === null) return null;
    const taken = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return taken.count === 1 ? 'totp' : null;
  }
  const recovery = normaliseRecoveryCode(code);
  if (!recovery) return null;
  const spent = await tx.recoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashRecoveryCode(recovery), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? 'recovery-code' : null;
}

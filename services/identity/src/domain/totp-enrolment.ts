import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { SessionSettings } from '../config';
import type { IdentityDb } from '../db';
import { identityEvent } from './audit-event';
import { recoveryCodeEvent } from './complete-login';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';
import { requireLiveSession, sessionEnded } from './require-live-session';
import { SECOND_FACTOR_ROLES } from './second-factor-roles';
import { clearSecondFactorFailures, reserveSecondFactorAttempt, spendSecondFactor, TWO_FACTOR_FIELDS, wrongCode } from './second-factor';
import { base32Encode, matchingStep, newTotpSecret, normaliseTotpCode, otpauthUri } from './totp';
import type { TotpSecretBox } from './totp-secret-box';

export interface TotpEnrolment {
  /** For the QR code; carries the secret. Shown once, while enrolling. */
  otpauthUri: string;
  /** The same secret in base32, for typing into an app by hand. */
  secret: string;
}

const alreadyOn = () => new AppError('CONFLICT', 'Two-factor sign-in is on already; turn it off first', { reason: 'TOTP_ENABLED' });

async function signedInUser(db: IdentityDb, settings: SessionSettings, caller: Identity, now: Date) {
  await requireLiveSession(db, settings, caller, now);
  const user = await db.user.findUnique({ where: { id: caller.subject }, select: { ...TWO_FACTOR_FIELDS, email: true, active: true } });
  if (!user || !user.active) throw sessionEnded();
  return user;
}

/**
 * Step one of turning on two-factor sign-in: a fresh secret, stored sealed (totp-secret-box.ts) but not yet in
 * force, and shown to the caller this once as an otpauth:// URI (the portal draws the QR code) and in base32.
 * Starting again replaces a secret that was never confirmed. Nothing is audited until the confirmation.
 */
export async function startTotpEnrolment(
  db: IdentityDb,
  box: TotpSecretBox,
  settings: SessionSettings,
  caller: Identity,
  now = new Date(),
): Promise<TotpEnrolment> {
  const user = await signedInUser(db, settings, caller, now);
  if (user.totpEnabledAt) throw alreadyOn();
  const secret = newTotpSecret();
  const started = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: box.seal(secret, user.id), totpLastStep: null },
  });
  if (started.count !== 1) throw alreadyOn();
  return { otpauthUri: otpauthUri(secret, user.email), secret: base32Encode(secret) };
}

/**
 * Step two: a first code from the app proves it holds the secret; two-factor sign-in is on from here, and ten
 * recovery codes are made and returned this once (only their hashes stay). Audited ('user.totp-enrol'). The code
 * is a second factor given in this session, so the session counts as opened with one from here (secondFactorAt):
 * a network admin or auditor who signed in with a password to enrol may act in their role without signing in again.
 */
export async function confirmTotpEnrolment(
  db: IdentityDb,
  box: TotpSecretBox,
  settings: SessionSettings,
  caller: Identity,
  code: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(db, settings, caller, now);
  if (user.totpEnabledAt) throw alreadyOn();
  const secret = user.totpSecret ? box.open(user.totpSecret, user.id) : null;
  if (!secret) throw new AppError('CONFLICT', 'Start the set-up of two-factor sign-in first', { reason: 'NO_ENROLMENT' });
  const totp = normaliseTotpCode(code);
  if (!totp) throw new AppError('BAD_USER_INPUT', 'A code has six digits', { field: 'code', reason: 'CODE_FORMAT' });
  const step = matchingStep(secret, totp, now, null);
  if (step === null) throw new AppError('BAD_USER_INPUT', 'The code is incorrect', { field: 'code', reason: 'WRONG_CODE' });
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    // Only the secret the code was checked against: a second enrolment started meanwhile must not be switched on.
    const enabled = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastStep: step },
    });
    if (enabled.count !== 1) throw new AppError('CONFLICT', 'The set-up changed meanwhile; start again', { reason: 'NO_ENROLMENT' });
    await tx.session.updateMany({ where: { id: caller.sessionId, userId: user.id, revokedAt: null }, data: { secondFactorAt: now } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(normaliseRecoveryCode(c)!), createdAt: now })),
    });
    await writeAuditEvents(tx, [identityEvent(caller, requestId, 'user.totp-enrol', user.id)]);
  });
  return { recoveryCodes };
}

/**
 * Turns two-factor sign-in off with a current TOTP code or a recovery code (a stolen session alone cannot), counted
 * by the same per-account code throttle as sign-in. The secret and every recovery code go. Audited
 * ('user.totp-disable', and 'user.recovery-code-use' when a recovery code was the proof). Refused (CONFLICT,
 * reason TOTP_REQUIRED) while the user holds a role that needs a second factor (second-factor-roles.ts).
 */
export async function disableTotp(
  db: IdentityDb,
  box: TotpSecretBox,
  settings: SessionSettings,
  caller: Identity,
  code: string,
  now = new Date(),
  requestId: string | null = null,
): Promise<void> {
  const user = await signedInUser(db, settings, caller, now);
  if (!user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor sign-in is off', { reason: 'TOTP_DISABLED' });
  if (await holdsSecondFactorRole(db, user.id)) {
    throw new AppError('CONFLICT', 'Network admins and auditors must keep two-factor sign-in on', { reason: 'TOTP_REQUIRED' });
  }
  await reserveSecondFactorAttempt(db, user.id, now);
  await db.$transaction(async (tx) => {
    const used = await spendSecondFactor(tx, box, user, code, now);
    if (!used) throw wrongCode();
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await clearSecondFactorFailures(tx, user.id);
    await writeAuditEvents(tx, [
      ...(used === 'recovery-code' ? [recoveryCodeEvent(user.id, requestId)] : []),
      identityEvent(caller, requestId, 'user.totp-disable', user.id),
    ]);
  });
}

/** Whether any of the user's memberships has a role that acts only with a second factor (so TOTP must stay on). */
export async function holdsSecondFactorRole(db: Pick<IdentityDb, 'membership'>, userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId, role: { in: [...SECOND_FACTOR_ROLES] } } })) > 0;
}

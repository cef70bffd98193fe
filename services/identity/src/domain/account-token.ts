import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import type { AccountTokenPurpose, Prisma } from '../generated/prisma/client';

/** How long an e-mailed link works: an invitation three days (people read mail late), a reset one hour. */
export const ACCOUNT_TOKEN_TTL_MS: { readonly [P in AccountTokenPurpose]: number } = {
  INVITATION: 72 * 3_600_000,
  PASSWORD_RESET: 3_600_000,
};

/** base64url of 32 random bytes: 43 characters. Anything else is refused before the database is asked. */
const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newAccountToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What AccountToken.tokenHash holds: SHA-256, hex (256 random bits need no slow hash). */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Stores a new link for `userId` in the caller's transaction and returns the secret, which only the mail carries. */
export async function issueAccountToken(
  tx: Pick<Prisma.TransactionClient, 'accountToken'>,
  userId: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ id: string; token: string }> {
  const token = newAccountToken();
  const row = await tx.accountToken.create({
    data: { userId, purpose, tokenHash: hashAccountToken(token), createdAt: now, expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[purpose]) },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** One answer for unknown, spent, expired and mistyped links alike: which it was is nobody's business. */
export const linkNotValid = () => new AppError('NOT_FOUND', 'This link is not valid (any more): ask for a new one', { field: 'token' });

/**
 * Spends a link in the caller's transaction. The conditional updateMany (unused, unexpired) is what decides: of
 * two requests with the same link exactly one changes the row. Returns the account it was for, or throws
 * linkNotValid.
 */
export async function spendAccountToken(
  tx: Pick<Prisma.TransactionClient, 'accountToken'>,
  token: string,
  purpose: AccountTokenPurpose,
  now: Date,
): Promise<{ id: string; userId: string }> {
  if (!ACCOUNT_TOKEN_PATTERN.test(token)) throw linkNotValid();
  const found = await tx.accountToken.findUnique({ where: { tokenHash: hashAccountToken(token) }, select: { id: true, userId: true, purpose: true } });
  if (!found || found.purpose !== purpose) throw linkNotValid();
  const spent = await tx.accountToken.updateMany({ where: { id: found.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) throw linkNotValid();
  return { id: found.id, userId: found.userId };
}

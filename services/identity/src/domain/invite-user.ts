import { randomBytes } from 'node:crypto';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import type { User } from '../generated/prisma/client';
import type { AccountMailSettings } from './account-mail';
import { enqueueInvitationMail } from './account-mail';
import { issueAccountToken } from './account-token';
import { createAccount, type CreateUserInput } from './create-user';

/**
 * Invites a person: the account and its roles exactly as createUser makes them (same admins, same rules, same
 * CONFLICT for a known address), but with a password nobody knows (32 random bytes, hashed and forgotten), a
 * single-use link valid 72 hours (account-token.ts) and the mail carrying it, all in one transaction. The person
 * chooses their own password with acceptInvitation. Audited as 'user.invite' (subjectId = the new user).
 */
export async function inviteUser(
  db: IdentityDb,
  caller: Identity | null,
  input: CreateUserInput,
  mail: AccountMailSettings,
  requestId: string | null = null,
  now = new Date(),
): Promise<User> {
  return createAccount(db, caller, input, requestId, {
    password: randomBytes(32).toString('base64url'),
    auditAction: 'user.invite',
    async alsoInTransaction(tx, user) {
      const { token } = await issueAccountToken(tx, user.id, 'INVITATION', now);
      await enqueueInvitationMail(tx, mail, user.email, token);
    },
  });
}

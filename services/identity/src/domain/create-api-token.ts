import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { badInput } from '@haven/kit/src/errors';
import { API_SCOPES, type ApiScope } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';
import type { ApiToken } from '../generated/prisma/client';
import { identityEvent } from './audit-event';
import { assertApiTokenAdmin } from './api-token-admin';
import { newApiToken } from './api-token-secret';

export interface CreateApiTokenInput {
  name: string;
  scopes: readonly string[];
  expiresAt: Date | null;
}

export const MAX_TOKEN_NAME_LENGTH = 100;

/**
 * A new token for the caller's own partner organisation. The answer carries the whole token once; the
 * database keeps only the hash of its secret, so nobody (not even identity) can show it again. Audited
 * ('api-token.create', subjectId = the token id — never the secret) in the same transaction.
 */
export async function createApiToken(
  db: IdentityDb,
  caller: Identity | null,
  input: CreateApiTokenInput,
  now = new Date(),
  requestId: string | null = null,
): Promise<{ token: string; apiToken: ApiToken }> {
  const { userId, organisationId } = await assertApiTokenAdmin(db, caller);
  const name = input.name.trim();
  if (name.length < 1 || name.length > MAX_TOKEN_NAME_LENGTH) {
    throw badInput('name', `name must be 1 to ${MAX_TOKEN_NAME_LENGTH} characters`);
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('scopes', 'Choose at least one scope');
  if (!scopes.every((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s))) throw badInput('scopes', 'Unknown scope');
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) throw badInput('expiresAt', 'expiresAt must be in the future');

  const fresh = newApiToken();
  const apiToken = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
      id: fresh.id,
      organisationId,
      name,
      scopes: API_SCOPES.filter((s) => scopes.includes(s)),
      tokenHash: fresh.tokenHash,
      prefix: fresh.prefix,
      createdByUserId: userId,
      expiresAt: input.expiresAt,
      },
    });
    await writeAuditEvents(tx, [identityEvent(caller, requestId, 'api-token.create', created.id)]);
    return created;
  });
  return { token: fresh.token, apiToken };
}

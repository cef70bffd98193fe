import { auditActor } from '@haven/kit/src/audit/actor';
import type { AuditEventInput } from '@haven/kit/src/audit/write';
import type { Identity } from '@haven/kit/src/trust/tokens';

/**
 * A security event of identity for the audit trail (sign-ins, sessions, passwords, API tokens): who acted and
 * the id of what it was done to. Never an email address, a password or a token's secret — ids only.
 */
export function identityEvent(caller: Identity | null, requestId: string | null, action: string, subjectId: string | null): AuditEventInput {
  return { ...auditActor('identity', caller, requestId), action, subjectId };
}

/**
 * A sign-in attempt, before anyone is signed in: the person is not yet known to be who they claim, so no actor
 * id; subjectId names the account the attempt was for (success, or a failure on an existing account), null for
 * an address without an account. The address itself is never recorded.
 */
export function signInEvent(
  requestId: string | null,
  action: 'session.login' | 'session.login-failed',
  account: { userId: string; organisationId: string | null; role: string | null } | null,
): AuditEventInput {
  const signedIn = action === 'session.login' && account !== null;
  return {
    action,
    part: 'identity',
    requestId,
    actorKind: 'user',
    actorUserId: signedIn ? account.userId : null,
    actorOrganisationId: signedIn ? account.organisationId : null,
    actorRole: signedIn ? account.role : null,
    subjectId: account?.userId ?? null,
  };
}

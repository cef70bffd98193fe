import type { AuditEventInput } from '@haven/kit/src/audit/write';
import type { Identity } from '@haven/kit/src/trust/tokens';

/** Who did it, as the audit trail records it: a user in a role, an integration token, or the system (a job). */
export function auditActor(caller: Identity | null, requestId: string | null): Pick<AuditEventInput, 'part' | 'requestId' | 'actorKind' | 'actorUserId' | 'actorOrganisationId' | 'actorRole'> {
  if (!caller) return { part: 'cases', requestId, actorKind: 'system', actorUserId: null, actorOrganisationId: null, actorRole: null };
  return {
    part: 'cases',
    requestId,
    actorKind: caller.kind === 'integration' ? 'integration' : 'user',
    actorUserId: caller.subject,
    actorOrganisationId: caller.organisationId,
    actorRole: caller.kind === 'integration' ? null : caller.roles.join(',') || null,
  };
}

/** A state change of a case or referral, for the audit trail. */
export function changeEvent(
  caller: Identity | null,
  requestId: string | null,
  action: string,
  subject: { caseId: string; caseOrganisationId: string; referralId?: string | null; categories?: string[] },
): AuditEventInput {
  return { ...auditActor(caller, requestId), action, purpose: 'REFERRAL_CARE', ...subject };
}

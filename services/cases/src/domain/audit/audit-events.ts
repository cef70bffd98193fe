import { auditActor as kitAuditActor, type AuditActor } from '@haven/kit/src/audit/actor';
import type { AuditEventInput } from '@haven/kit/src/audit/write';
import type { Identity } from '@haven/kit/src/trust/tokens';

/** Who did it, as the audit trail records it (kit's auditActor, written as the cases part). */
export function auditActor(caller: Identity | null, requestId: string | null): AuditActor {
  return kitAuditActor('cases', caller, requestId);
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

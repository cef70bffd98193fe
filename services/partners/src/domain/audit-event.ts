import { auditActor } from '@haven/kit/src/audit/actor';
import type { AuditEventInput } from '@haven/kit/src/audit/write';
import type { Identity } from '@haven/kit/src/trust/tokens';

/**
 * A state change of the directory or of capacity, for the audit trail: who (a user, an integration's token,
 * or the system when a job of the calling part acted for nobody), what, and what it was done to. No personal
 * data is involved here, so no categories, purpose or consent.
 */
export function partnersChangeEvent(
  caller: Identity | null,
  requestId: string | null,
  action: string,
  subject: { subjectId: string; referralId?: string | null },
): AuditEventInput {
  return { ...auditActor('partners', caller, requestId), action, ...subject };
}

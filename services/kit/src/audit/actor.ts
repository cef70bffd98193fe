import type { PartName } from '../taxonomy';
import type { Identity } from '../trust/tokens';
import type { AuditEventInput } from './event';

/** The part of an audit event that says who acted, for whom, and in which request. */
export type AuditActor = Pick<AuditEventInput, 'part' | 'requestId' | 'actorKind' | 'actorUserId' | 'actorOrganisationId' | 'actorRole'>;

/**
 * Who did it, as the audit trail records it: a user in their roles, an integration (its token id stands where
 * a user id would, as AuditEventInput documents), or the system — a job acting for nobody (no caller).
 * Shared by every part so an auditor reads the same shape whichever part wrote the event.
 */
export function auditActor(part: PartName, caller: Identity | null, requestId: string | null): AuditActor {
  if (!caller) return { part, requestId, actorKind: 'system', actorUserId: null, actorOrganisationId: null, actorRole: null };
  return {
    part,
    requestId,
    actorKind: caller.kind === 'integration' ? 'integration' : 'user',
    actorUserId: caller.subject,
    actorOrganisationId: caller.organisationId,
    actorRole: caller.kind === 'integration' ? null : caller.roles.join(',') || null,
  };
}

import type { PartName } from '../taxonomy';

/** Who acted: a person signed in, an organisation's API token, or Haven itself (a job). */
export type AuditActorKind = 'user' | 'integration' | 'system';

/**
 * One audited happening, as a writer gives it (services/kit/src/audit/write.ts). Ids only, never personal data:
 * the log names who touched which case when and on what basis, not what they saw. seq, id, at, prevHash and hash
 * are set by the database (the chain trigger of prisma/audit/migrations).
 */
export interface AuditEventInput {
  /** Dotted verb, e.g. 'personal-data.read', 'referral.accept', 'consent.record', 'user.deactivate'. */
  action: string;
  /** The part that wrote the event. */
  part: PartName;
  requestId: string | null;
  actorKind: AuditActorKind;
  /** The user, or for an integration the token id. */
  actorUserId: string | null;
  actorOrganisationId: string | null;
  /** The role the actor acted in (COORDINATOR, PARTNER_STAFF …); null for integrations and the system. */
  actorRole: string | null;
  onBehalfOfOrganisationId?: string | null;
  caseId?: string | null;
  /** The case's coordinating organisation: whose coordinators may read the case's access log. */
  caseOrganisationId?: string | null;
  referralId?: string | null;
  /** What was acted on when no other field names it: the user deactivated, the API token revoked … */
  subjectId?: string | null;
  /** Personal-data categories involved (IDENTITY, CONTACT, HEALTH, CASE_NOTES). */
  categories?: string[];
  /** Why: REFERRAL_CARE, STATISTICS … */
  purpose?: string | null;
  /** The consent record version that allowed a read, when consent was the basis. */
  consentRecordId?: string | null;
  /** The emergency (break-glass) grant that allowed a read, when it was the basis. */
  emergencyGrantId?: string | null;
  /** The reason the coordinator stated for that grant. */
  emergencyReason?: string | null;
}

/** A stored event: the input plus what the database assigned. */
export interface AuditEventRow extends Required<Omit<AuditEventInput, 'part' | 'actorKind'>> {
  seq: bigint;
  id: string;
  at: Date;
  part: string;
  actorKind: string;
  prevHash: string;
  hash: string;
}

import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { ConsentDb } from '../db';
import type { ConsentRecord, ConsentStatus, Prisma } from '../generated/prisma/client';
import type { ConsentContent } from './consent-content';

/** Who records a version: a coordinator acting in their active organisation. */
export interface ConsentActor {
  userId: string;
  organisationId: string;
  requestId: string | null;
}

export type ConsentAction = 'consent.record' | 'consent.amend' | 'consent.withdraw';

export interface NewVersion {
  recordId: string;
  version: number;
  caseId: string;
  status: ConsentStatus;
  content: ConsentContent;
}

/** A transaction client (or the client itself): what `$transaction(async (tx) => …)` hands over. */
export type ConsentTx = Omit<ConsentDb, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * Appends one version and its audit event inside the caller's transaction, as its last statements. The
 * only way this service writes a consent record: an INSERT (the database role may do nothing else,
 * services/kit/src/db/grants.ts). The event commits or rolls back with the version, and comes last because
 * the audit chain's lock is held until commit (services/kit/src/audit/write.ts). `categories`: those the
 * change is about (default: the version's own).
 */
export async function insertVersion(
  tx: ConsentTx,
  actor: ConsentActor,
  action: ConsentAction,
  next: NewVersion,
  categories: readonly string[] = next.content.categories,
): Promise<ConsentRecord> {
  const data: Prisma.ConsentRecordUncheckedCreateInput = {
    recordId: next.recordId,
    version: next.version,
    caseId: next.caseId,
    status: next.status,
    ...next.content,
    recordedByUserId: actor.userId,
    recordedByOrganisationId: actor.organisationId,
  };
  const row = await tx.consentRecord.create({ data });
  await writeAuditEvents(tx, [
    {
      action,
      part: 'consent',
      requestId: actor.requestId,
      actorKind: 'user',
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      actorRole: 'COORDINATOR',
      caseId: row.caseId,
      // Only coordinators of the case's coordinating organisation change its consent (checked with cases).
      caseOrganisationId: actor.organisationId,
      categories: [...categories],
      // The purposes the version covers (one event, so joined: e.g. "REFERRAL_CARE,STATISTICS").
      purpose: row.purposes.join(',') || null,
      consentRecordId: row.id,
    },
  ]);
  return row;
}

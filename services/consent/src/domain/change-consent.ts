import { AppError } from '@haven/kit/src/errors';
import type { ConsentDb } from '../db';
import type { ConsentRecord } from '../generated/prisma/client';
import { insertVersion, type ConsentAction, type ConsentActor } from './insert-version';
import type { NextVersion } from './withdrawal';

/**
 * The latest version of a record the actor's organisation recorded, or NOT_FOUND — also for another
 * organisation's record, so the error does not confirm that it exists.
 */
export async function latestOwnVersion(db: ConsentDb, actor: Pick<ConsentActor, 'organisationId'>, recordId: string): Promise<ConsentRecord> {
  const latest = await db.consentRecord.findFirst({
    where: { recordId, recordedByOrganisationId: actor.organisationId },
    orderBy: { version: 'desc' },
  });
  if (!latest) throw new AppError('NOT_FOUND', 'Consent record not found');
  return latest;
}

/**
 * Appends the version `change` derives from the latest one (null from `change`: nothing to append, the
 * latest is answered as it is). Changes of one record are serialised by a transaction-scoped advisory
 * lock taken before the latest version is read, so two withdrawals at once both apply, one after the
 * other, and neither is lost; the unique (recordId, version) stays the last line of defence, answered
 * as CONFLICT.
 */
export async function changeConsent(
  db: ConsentDb,
  actor: ConsentActor,
  action: ConsentAction,
  recordId: string,
  change: (latest: ConsentRecord) => NextVersion | null,
): Promise<ConsentRecord> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`haven:consent-record:${recordId}`}))`;
      const latest = await tx.consentRecord.findFirst({
        where: { recordId, recordedByOrganisationId: actor.organisationId },
        orderBy: { version: 'desc' },
      });
      if (!latest) throw new AppError('NOT_FOUND', 'Consent record not found');
      const next = change(latest);
      if (!next) return latest;
      const version = { recordId, version: latest.version + 1, caseId: latest.caseId, status: next.status, content: next.content };
      return insertVersion(tx, actor, action, version, changedCategories(action, latest, next));
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') {
      throw new AppError('CONFLICT', 'The consent record changed at the same moment; reload it and try again');
    }
    throw error;
  }
}

/**
 * The categories a change is about, for the audit event: an amendment's new ones; a withdrawal's withdrawn
 * ones (all of the record's when it is withdrawn whole or only for some organisations).
 */
function changedCategories(action: ConsentAction, latest: ConsentRecord, next: NextVersion): string[] {
  if (action !== 'consent.withdraw') return next.content.categories;
  const removed = latest.categories.filter((category) => !next.content.categories.includes(category));
  return next.status === 'ACTIVE' && removed.length > 0 ? removed : latest.categories;
}

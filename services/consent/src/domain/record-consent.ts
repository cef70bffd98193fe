import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import type { ConsentDb } from '../db';
import type { ConsentRecord } from '../generated/prisma/client';
import { checkConsentContent, type ConsentInput } from './consent-content';
import { insertVersion, type ConsentActor } from './insert-version';
import type { ConsentSubject } from './consent-subject';

/**
 * Records new consent for an OPEN case of the actor's organisation (`subject` from cases, already checked
 * to be theirs): a new record, version 1. A closed case takes no new consent; withdrawing stays possible.
 */
export async function recordConsent(
  db: ConsentDb,
  actor: ConsentActor,
  subject: ConsentSubject,
  input: ConsentInput,
  now = new Date(),
): Promise<ConsentRecord> {
  if (subject.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is closed: no new consent can be recorded for it');
  const content = checkConsentContent(input, subject, now);
  return db.$transaction((tx) =>
    insertVersion(tx, actor, 'consent.record', { recordId: randomUUID(), version: 1, caseId: subject.caseId, status: 'ACTIVE', content }),
  );
}

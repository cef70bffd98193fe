import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { CasesContext } from '../context';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { CasesDb } from '../db';
import { changeEvent } from './audit/audit-events';
import { callForRequest } from './internal-call';
import type { Case, Prisma } from '../generated/prisma/client';
import { mayViewCase } from './case-access';
import { ACTIVE_STATES } from './referral-access';
import { lockCase } from '../sql';

type Tx = Prisma.TransactionClient;

/** Whether a user is an active coordinator of an organisation (identity knows; see coordinatorCheckVia). */
export type CoordinatorCheck = (userId: string, organisationId: string) => Promise<boolean>;

const MAX_REASON = 2000;

/** Asks identity (POST /internal/coordinator-check, signed as cases, carrying the caller's identity). */
export function coordinatorCheckVia(ctx: CasesContext): CoordinatorCheck {
  return async (userId, organisationId) => {
    const result = await callForRequest<{ isCoordinator: boolean }>(ctx, 'identity', 'coordinator-check', { userId, organisationId });
    return result?.isCoordinator === true;
  };
}

/**
 * Hands a case over to another coordinator of the same organisation. Identity is asked first (no network
 * call inside a transaction); then the case row is locked, re-checked and updated with its
 * CASE_HANDED_OVER event in one transaction.
 */
export async function handOverCase(
  db: CasesDb,
  caller: Identity | null,
  input: { caseId: string; toUserId: string; reason?: string | null; requestId?: string | null },
  isCoordinator: CoordinatorCheck,
): Promise<Case> {
  const { row, organisationId } = await coordinatedCase(db, caller, input.caseId);
  const reasonText = reason(input.reason);
  if (!isUuid(input.toUserId)) throw badInput('toUserId', 'toUserId is not a user id');
  if (row.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'A closed case cannot be handed over');
  if (row.coordinatorUserId === input.toUserId) throw badInput('toUserId', 'That user already coordinates this case');
  if (!(await isCoordinator(input.toUserId, organisationId))) {
    throw badInput('toUserId', 'Hand a case over only to an active coordinator of your organisation');
  }
  return db.$transaction(async (tx) => {
    const locked = await lockedCase(tx, row.id);
    if (locked.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'A closed case cannot be handed over');
    const updated = await tx.case.update({ where: { id: row.id }, data: { coordinatorUserId: input.toUserId } });
    await tx.timelineEvent.create({
      data: { caseId: row.id, kind: 'CASE_HANDED_OVER', actorUserId: caller!.subject, actorOrganisationId: organisationId, subjectUserId: input.toUserId, reasonText },
    });
    await writeAuditEvents(tx, [changeEvent(caller, input.requestId ?? null, 'case.hand-over', { caseId: row.id, caseOrganisationId: organisationId })]);
    return updated;
  });
}

/**
 * Closes a case when none of its referrals is active. The case row is locked first (sendReferral locks it
 * too), so a referral cannot be sent while the case closes, and two closes cannot both succeed.
 */
export async function closeCase(
  db: CasesDb,
  caller: Identity | null,
  input: { caseId: string; reason?: string | null; requestId?: string | null },
  now: () => Date = () => new Date(),
): Promise<Case> {
  const { row, organisationId } = await coordinatedCase(db, caller, input.caseId);
  const reasonText = reason(input.reason);
  return db.$transaction(async (tx) => {
    const locked = await lockedCase(tx, row.id);
    if (locked.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is already closed');
    const active = await tx.referral.count({ where: { caseId: row.id, state: { in: [...ACTIVE_STATES] } } });
    if (active > 0) throw new AppError('INVALID_TRANSITION', 'A case with an active referral cannot be closed; withdraw or close the referral first');
    const updated = await tx.case.update({
      where: { id: row.id },
      data: { status: 'CLOSED', closedAt: now(), closedByUserId: caller!.subject },
    });
    await tx.timelineEvent.create({
      data: { caseId: row.id, kind: 'CASE_CLOSED', actorUserId: caller!.subject, actorOrganisationId: organisationId, reasonText },
    });
    await writeAuditEvents(tx, [changeEvent(caller, input.requestId ?? null, 'case.close', { caseId: row.id, caseOrganisationId: organisationId })]);
    return updated;
  });
}

/** The case, when the caller coordinates for its organisation; otherwise NOT_FOUND (as if it did not exist). */
async function coordinatedCase(db: CasesDb, caller: Identity | null, caseId: string) {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const row = isUuid(caseId) ? await db.case.findUnique({ where: { id: caseId } }) : null;
  if (!row || !mayViewCase(caller, row)) throw new AppError('NOT_FOUND', 'Case not found');
  return { row, organisationId: row.coordinatingOrganisationId };
}

/** The case row locked FOR UPDATE (sending locks it too), or NOT_FOUND. */
async function lockedCase(tx: Tx, caseId: string) {
  const locked = await lockCase(tx, caseId, 'UPDATE');
  if (!locked) throw new AppError('NOT_FOUND', 'Case not found');
  return locked;
}

function reason(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > MAX_REASON) throw badInput('reason', `reason can be at most ${MAX_REASON} characters`);
  return trimmed;
}

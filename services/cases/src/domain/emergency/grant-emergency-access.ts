import { AppError, badInput } from '@haven/kit/src/errors';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { CasesContext } from '../../context';
import type { EmergencyGrant } from '../../generated/prisma/client';
import type { VaultCategory } from '../../generated/prisma/enums';
import { changeEvent } from '../audit/audit-events';
import { mayViewCase } from '../case-access';
import { ACTIVE_STATES } from '../referral-access';
import { lockCase } from '../../sql';
import { VAULT_CATEGORIES } from '../vault-fields';

const HOUR_MS = 3_600_000;
/** A reason someone else can judge later: a few words at least, not a paragraph. */
const REASON_MIN = 10;
const REASON_MAX = 1000;

/**
 * Break glass: a coordinator of the case's organisation opens one category for a partner organisation that
 * has an active referral of the case, without consent, for ctx.settings.emergencyAccessHours. The reason is
 * required and kept with the grant; the partner sees the category flagged as emergency access, auditors see
 * the grant (audit trail). One row, under the case lock (a closed case grants nothing).
 */
export async function grantEmergencyAccess(
  ctx: CasesContext,
  input: { caseId: string; organisationId: string; category: VaultCategory; reason: string },
): Promise<EmergencyGrant> {
  const caller = ctx.caller;
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const found = isUuid(input.caseId) ? await ctx.db.case.findUnique({ where: { id: input.caseId } }) : null;
  if (!found || !mayViewCase(caller, found)) throw new AppError('NOT_FOUND', 'Case not found');
  if (!VAULT_CATEGORIES.includes(input.category)) throw badInput('category', 'Unknown category');
  const reason = input.reason.trim();
  if (reason.length < REASON_MIN || reason.length > REASON_MAX) {
    throw badInput('reason', `State the reason in ${REASON_MIN} to ${REASON_MAX} characters`);
  }
  if (!isUuid(input.organisationId)) throw badInput('organisationId', 'organisationId is not a valid id');

  return ctx.db.$transaction(async (tx) => {
    const locked = await lockCase(tx, found.id, 'SHARE');
    if (locked?.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is closed');
    const referral = await tx.referral.findFirst({
      where: { caseId: found.id, organisationId: input.organisationId, state: { in: [...ACTIVE_STATES] } },
      select: { id: true },
    });
    if (!referral) throw badInput('organisationId', 'That organisation has no active referral of this case');
    const grantedAt = new Date();
    const grant = await tx.emergencyGrant.create({
      data: {
        caseId: found.id,
        organisationId: input.organisationId,
        category: input.category,
        reason,
        grantedByUserId: caller.subject,
        grantedAt,
        expiresAt: new Date(grantedAt.getTime() + ctx.settings.emergencyAccessHours * HOUR_MS),
      },
    });
    // Auditors see every grant with its reason (and every read it allowed, as personal-data.read events).
    await writeAuditEvents(tx, [
      {
        ...changeEvent(caller, ctx.requestId, 'emergency-access.grant', { caseId: found.id, caseOrganisationId: found.coordinatingOrganisationId, categories: [input.category] }),
        onBehalfOfOrganisationId: input.organisationId,
        emergencyGrantId: grant.id,
        emergencyReason: reason,
      },
    ]);
    return grant;
  });
}

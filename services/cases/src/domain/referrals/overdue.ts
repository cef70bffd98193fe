import type { CasesDb } from '../../db';
import { CASE, REFERRAL } from '../../sql';

/**
 * Referrals a coordinator of `organisationId` must look at, on open cases: still SENT after the deadline
 * (the expiry job has not run yet), or EXPIRED while no other referral of the case for the same need is
 * active (nobody is answering that need). One query; the caller pages over the ids.
 */
export async function findOverdueReferralIds(db: CasesDb, organisationId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM ${REFERRAL} r JOIN ${CASE} c ON c."id" = r."caseId"
     WHERE r."coordinatingOrganisationId" = ${organisationId}::uuid AND c."status" = 'OPEN'
       AND ((r."state" = 'SENT' AND r."deadlineAt" < now())
         OR (r."state" = 'EXPIRED' AND NOT EXISTS (
               SELECT 1 FROM ${REFERRAL} o
                WHERE o."caseId" = r."caseId" AND o."need" = r."need" AND o."state" IN ('SENT', 'ACCEPTED', 'IN_CARE'))))`;
  return rows.map((row) => row.id);
}

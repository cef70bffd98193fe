import { randomUUID } from 'node:crypto';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { CasesDb } from '../db';
import { changeEvent } from '../domain/audit/audit-events';
import type { ReferralState } from '../generated/prisma/enums';
import type { PartnersCall } from '../domain/referrals/partners-client';
import { reportResponse } from '../domain/referrals/report-response';
import { REFERRAL } from '../sql';
import { appendTimelineEvent, SYSTEM_ACTOR } from '../domain/referrals/timeline';
import { planTransition } from '../domain/referrals/transitions';

/**
 * Expires referrals still unanswered after their deadline, a batch at a time, and records an escalation
 * for each (notifications build on it). Safe with several instances: each takes its rows FOR UPDATE SKIP
 * LOCKED, so two instances never expire the same referral, and a partner answering at the same moment
 * either wins the row lock (the job skips it) or finds it expired (INVALID_TRANSITION). A sent referral
 * holds no slot, so nothing is released; the answer "expired" goes to partners' response record.
 */
export async function expireOverdueReferrals(
  db: CasesDb,
  call: PartnersCall,
  options: { batchSize?: number; /** Only these cases (a run for one case, or a test that shares its database). */ caseIds?: string[] } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  // The round's own id stands in for a request id: it ties the round's audit events (and logs) together.
  const runId = randomUUID();
  const onlyCases = options.caseIds ?? null;
  const expiredIds = await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string; caseId: string; coordinatingOrganisationId: string; state: ReferralState; deadlineAt: Date }[]>`
      SELECT "id", "caseId", "coordinatingOrganisationId", "state", "deadlineAt" FROM ${REFERRAL}
       WHERE "state" = 'SENT' AND "deadlineAt" < now()
         AND (${onlyCases}::uuid[] IS NULL OR "caseId" = ANY(${onlyCases}::uuid[]))
       ORDER BY "deadlineAt" LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`;
    const now = new Date();
    const audited = [];
    for (const referral of due) {
      const plan = planTransition(referral.state, 'EXPIRE', 'SYSTEM');
      // respondedAt = the deadline: for the response record the partner "answered" when its time ran out.
      await tx.referral.update({ where: { id: referral.id }, data: { state: plan.to, respondedAt: referral.deadlineAt, endedAt: now } });
      const event = { caseId: referral.caseId, referralId: referral.id, actor: SYSTEM_ACTOR, reasonCode: 'DEADLINE_PASSED', at: now };
      await appendTimelineEvent(tx, { ...event, kind: plan.event, fromState: plan.from, toState: plan.to });
      await appendTimelineEvent(tx, { ...event, kind: 'REFERRAL_ESCALATED' });
      audited.push(changeEvent(null, runId, 'referral.expire', { caseId: referral.caseId, caseOrganisationId: referral.coordinatingOrganisationId, referralId: referral.id }));
    }
    await writeAuditEvents(tx, audited);
    return due.map((referral) => referral.id);
  });
  if (expiredIds.length === 0) return 0;
  const rows = await db.referral.findMany({ where: { id: { in: expiredIds } } });
  for (const row of rows) await reportResponse(db, call, row);
  return expiredIds.length;
}

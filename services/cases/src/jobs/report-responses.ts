import type { CasesDb } from '../db';
import type { PartnersCall } from '../domain/referrals/partners-client';
import { reportResponse } from '../domain/referrals/report-response';

/** Sends partners the answers whose report after the transition was lost (responseReportedAt still empty). */
export async function reportPendingResponses(db: CasesDb, call: PartnersCall, batchSize = 100): Promise<number> {
  const pending = await db.referral.findMany({
    where: { respondedAt: { not: null }, responseReportedAt: null },
    orderBy: { respondedAt: 'asc' },
    take: batchSize,
  });
  let reported = 0;
  for (const referral of pending) if (await reportResponse(db, call, referral)) reported += 1;
  return reported;
}

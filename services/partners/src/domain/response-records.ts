import type { PartnersDb } from '../db';
import { REFERRAL_RESPONSE } from './sql';
import type { ResponseRecord } from './match-services';

/** Only recent behaviour counts: an organisation that was slow two years ago may be quick now. */
export const RESPONSE_WINDOW_DAYS = 365;

/**
 * Each organisation's response record over the last RESPONSE_WINDOW_DAYS, in one aggregate query:
 * share accepted of all recorded (expired ones count as not accepted) and the median hours from sent to
 * answer (an expired referral counts at its deadline — a lower bound of its real answer time).
 * Organisations without any recorded referral are absent from the map: ranking scores them neutral.
 */
export async function loadResponseRecords(db: PartnersDb, organisationIds: readonly string[]): Promise<Map<string, ResponseRecord>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ organisationId: string; decided: number; acceptanceRate: number; medianResponseHours: number }[]>`
    SELECT "organisationId",
           count(*)::int AS "decided",
           avg(("outcome" = 'ACCEPTED')::int)::float8 AS "acceptanceRate",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "respondedAt" - "sentAt"))::float8 / 3600 AS "medianResponseHours"
      FROM ${REFERRAL_RESPONSE}
     WHERE "organisationId" = ANY(${[...new Set(organisationIds)]}::uuid[])
       AND "respondedAt" > now() - make_interval(days => ${RESPONSE_WINDOW_DAYS})
     GROUP BY "organisationId"`;
  return new Map(rows.map(({ organisationId, ...record }) => [organisationId, record]));
}

import { AppError } from '@haven/kit/src/errors';
import type { CasesContext } from '../../context';
import { decideConsent, type ConsentQuestion } from '../consent/consent-client';
import { aggregateReferrals, type ReferralFacts, type ReferralStatistics } from './aggregate-referrals';
import { statisticsPeriod, type StatisticsPeriod } from './statistics-period';

/** The consent service answers at most this many questions per call (its decide route). */
const CONSENT_BATCH = 200;

/**
 * The network's referral statistics for one quarter: every referral sent in it, of any coordinating
 * organisation, whose case's consent covers the STATISTICS purpose for the organisation coordinating it
 * (the one that compiles the figures). Aggregated and suppressed here; nothing per referral leaves.
 */
export async function referralStatistics(ctx: CasesContext, year: number, quarter: number, now = new Date()): Promise<ReferralStatistics & { period: StatisticsPeriod }> {
  const period = statisticsPeriod(year, quarter, now);
  const rows = await ctx.db.referral.findMany({
    where: { sentAt: { gte: period.from, lt: period.to } },
    select: { caseId: true, coordinatingOrganisationId: true, state: true, sentAt: true, deadlineAt: true, respondedAt: true, intakeAt: true, declineReason: true, outcome: true },
  });
  const counted = await casesWithStatisticsConsent(ctx, rows);
  const facts: ReferralFacts[] = rows
    .filter((row) => counted.has(row.caseId))
    .map((row) => ({
      caseId: row.caseId,
      state: row.state,
      sentAt: row.sentAt,
      deadlineAt: row.deadlineAt,
      respondedAt: row.respondedAt,
      intakeAt: row.intakeAt,
      declined: row.declineReason !== null,
      outcome: row.outcome,
    }));
  return { ...aggregateReferrals(period, facts, now), period };
}

/**
 * The cases among `rows` whose consent covers statistics: one question per case, asked in batches the
 * consent service accepts, all at once. No answer fails the whole request (SERVICE_UNAVAILABLE): figures
 * silently missing the unanswered cases would mislead.
 */
async function casesWithStatisticsConsent(ctx: CasesContext, rows: readonly { caseId: string; coordinatingOrganisationId: string }[]): Promise<Set<string>> {
  const byCase = new Map(rows.map((row) => [row.caseId, row.coordinatingOrganisationId]));
  const questions: ConsentQuestion[] = [...byCase].map(([caseId, organisationId]) => ({ caseId, organisationId, category: null, purpose: 'STATISTICS' }));
  const batches: ConsentQuestion[][] = [];
  for (let start = 0; start < questions.length; start += CONSENT_BATCH) batches.push(questions.slice(start, start + CONSENT_BATCH));
  const answers = await Promise.all(batches.map((batch) => decideConsent(ctx, batch))).catch((error: unknown) => {
    ctx.log.warn('consent unavailable: statistics refused');
    throw error instanceof AppError ? error : new AppError('SERVICE_UNAVAILABLE', 'A part of Haven could not answer; try again');
  });
  const flatAnswers = answers.flat();
  return new Set(questions.filter((_, n) => flatAnswers[n]!.allowed).map((question) => question.caseId));
}

import { startIntervalJobs } from '@haven/kit/src/jobs/interval-jobs';
import type { Logger } from '@haven/kit/src/log';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import type { CasesDb } from '../db';
import { deleteExpiredIdempotencyRecords } from '../domain/idempotency';
import type { PartnersCall } from '../domain/referrals/partners-client';
import { expireOverdueReferrals } from './expire-referrals';
import { reconcileHolds } from './reconcile-holds';
import { reportPendingResponses } from './report-responses';

/** The cases service's background work, on every instance (each job is safe to run on several at once). */
export function startCasesJobs(options: { db: CasesDb; keys: PartKeys; partnersUrl: string; log: Logger; intervalMs: number }) {
  // Jobs act for no user: partners' routes they call take no end-user identity.
  const call: PartnersCall = { keys: options.keys, partnersUrl: options.partnersUrl, identityToken: null, log: options.log };
  return startIntervalJobs(
    [
      { name: 'expire-referrals', run: () => expireOverdueReferrals(options.db, call) },
      { name: 'reconcile-holds', run: () => reconcileHolds(options.db, call) },
      { name: 'report-responses', run: () => reportPendingResponses(options.db, call) },
      { name: 'forget-idempotency-keys', run: () => deleteExpiredIdempotencyRecords(options.db) },
    ],
    options.intervalMs,
    options.log,
  );
}

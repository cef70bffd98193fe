import { startIntervalJobs } from '@haven/kit/src/jobs/interval-jobs';
import type { Logger } from '@haven/kit/src/log';
import { mailTransportFrom, type MailConfig } from '@haven/kit/src/mail/mail-config';
import { deliverDueMail } from '@haven/kit/src/mail/outbox-worker';
import { IDENTITY_SCHEMA, type IdentityDb } from './db';

/**
 * Identity's background work: delivering its mail outbox (invitations, password resets) on every instance — the
 * worker's claims make that safe (kit outbox-worker.ts). Without HAVEN_SMTP_URL or HAVEN_MAIL_DIR nothing is sent
 * and the mails wait in the outbox, said once at start-up: better than losing them or refusing to start.
 */
export function startIdentityJobs(options: { db: IdentityDb; log: Logger; config: MailConfig; intervalMs: number }) {
  if (!options.config.HAVEN_SMTP_URL && !options.config.HAVEN_MAIL_DIR) {
    options.log.warn('mail is not configured (HAVEN_SMTP_URL or HAVEN_MAIL_DIR): invitation and reset mails wait in the outbox');
    return { stop: async () => undefined };
  }
  const transport = mailTransportFrom(options.config);
  options.log.info('mail outbox delivering', { transport: transport.kind });
  const jobs = startIntervalJobs(
    [{ name: 'deliver-mail', run: () => deliverDueMail({ db: options.db, schema: IDENTITY_SCHEMA, transport, log: options.log }) }],
    options.intervalMs,
    options.log,
  );
  return {
    async stop() {
      await jobs.stop();
      transport.close();
    },
  };
}

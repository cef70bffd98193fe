import { randomUUID } from 'node:crypto';
import { escapeIdentifier } from 'pg';
import type { Logger } from '../log';
import type { OutgoingMail } from './outgoing-mail';
import type { MailTransport } from './transport';

/**
 * Delivery from a service's "MailOutbox" table (written in the same transaction as the event that causes the
 * mail, so a mail exists exactly when its event committed). The guarantee, precisely:
 *
 *  1. claim — one statement takes due rows FOR UPDATE SKIP LOCKED and stamps them with a fresh claim token and
 *     a lease (leaseUntil); two workers never claim the same row while its lease runs.
 *  2. send — renews the row's lease (skipping it if the claim was lost meanwhile), then hands the message to the
 *     transport, with every attempt under the same Message-ID (the outbox id).
 *  3. mark — sentAt is set; a failed attempt instead releases the row with a backoff (only by the claim's own
 *     token, so a worker whose lease ran out cannot undo a newer claim), and after MAX_ATTEMPTS it is given up.
 *
 * A worker that dies after claiming leaves its rows to the next worker once the lease ends: nothing is lost.
 * A worker that dies after "send" but before "mark" (or whose send outlived the lease — the SMTP timeouts are
 * kept far below it) causes one resend of the same message. The folder transport makes that resend a no-op
 * (one file per outbox id, never overwritten), so there delivery is exactly once; over SMTP it is at least
 * once with an identical Message-ID, which receiving servers and mail clients use to fold duplicates. No
 * scheme can do better over SMTP, which has no way to ask "did you already get this?".
 */
export interface OutboxDb {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

export interface OutboxOptions {
  db: OutboxDb;
  /** The PostgreSQL schema holding the service's "MailOutbox" table. */
  schema: string;
  transport: MailTransport;
  log: Logger;
  /** How long a claim holds a row; a worker that vanished frees its rows after this. */
  leaseMs?: number;
  batchSize?: number;
}

export const DEFAULT_LEASE_MS = 120_000;
export const MAX_ATTEMPTS = 10;

/** Backoff before attempt n+1 after n failed ones: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}

export interface ClaimedMail extends OutgoingMail {
  claimToken: string;
  attempts: number;
}

function table(schema: string): string {
  return `${escapeIdentifier(schema)}."MailOutbox"`;
}

/** Step 1: takes up to `batchSize` due rows for this worker for `leaseMs`. */
export async function claimDueMail(options: Pick<OutboxOptions, 'db' | 'schema' | 'leaseMs' | 'batchSize'>): Promise<ClaimedMail[]> {
  const claimToken = randomUUID();
  const rows = await options.db.$queryRawUnsafe<{ id: string; recipient: string; subject: string; body: string; attempts: number }[]>(
    `UPDATE ${table(options.schema)} AS o
        SET "claimToken" = $1::uuid, "leaseUntil" = now() + ($2::int * interval '1 millisecond'), "attempts" = o."attempts" + 1
      WHERE o."id" IN (
        SELECT "id" FROM ${table(options.schema)}
         WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "dueAt" <= now()
           AND ("leaseUntil" IS NULL OR "leaseUntil" <= now())
         ORDER BY "dueAt" LIMIT $3::int
         FOR UPDATE SKIP LOCKED)
      RETURNING o."id", o."recipient", o."subject", o."body", o."attempts"`,
    claimToken,
    options.leaseMs ?? DEFAULT_LEASE_MS,
    options.batchSize ?? 20,
  );
  return rows.map((row) => ({ id: row.id, to: row.recipient, subject: row.subject, text: row.body, attempts: row.attempts, claimToken }));
}

/**
 * Just before each send: renews this claim's lease on the row, or says the row is no longer ours (the lease of
 * a slow batch ran out and another worker took it, or it went out meanwhile) — then it is skipped. So every send
 * starts with a whole lease ahead of it, however long the batch before it took.
 */
export async function renewClaim(db: OutboxDb, schema: string, mail: ClaimedMail, leaseMs: number): Promise<boolean> {
  const renewed = await db.$executeRawUnsafe(
    `UPDATE ${table(schema)} SET "leaseUntil" = now() + ($3::int * interval '1 millisecond')
      WHERE "id" = $1::uuid AND "claimToken" = $2::uuid AND "sentAt" IS NULL AND "leaseUntil" > now()`,
    mail.id,
    mail.claimToken,
    leaseMs,
  );
  return renewed === 1;
}

/** Step 3 (success): the row is done for good, whoever holds it now. */
export async function markMailSent(db: OutboxDb, schema: string, id: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE ${table(schema)} SET "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL WHERE "id" = $1::uuid AND "sentAt" IS NULL`,
    id,
  );
}

/** Step 3 (failure): back in the queue after a backoff, or given up; only while the claim is still ours. */
export async function releaseFailedMail(db: OutboxDb, schema: string, mail: ClaimedMail, errorCode: string): Promise<void> {
  const giveUp = mail.attempts >= MAX_ATTEMPTS;
  await db.$executeRawUnsafe(
    `UPDATE ${table(schema)}
        SET "leaseUntil" = NULL, "claimToken" = NULL, "lastError" = $3,
            "dueAt" = now() + ($4::int * interval '1 millisecond'),
            "failedAt" = CASE WHEN $5::boolean THEN now() ELSE NULL END
      WHERE "id" = $1::uuid AND "claimToken" = $2::uuid AND "sentAt" IS NULL`,
    mail.id,
    mail.claimToken,
    errorCode.slice(0, 80),
    retryDelayMs(mail.attempts),
    giveUp,
  );
}

/** A transport error reduced to a code: SMTP replies can quote the recipient, so the message itself is never kept. */
function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown; responseCode?: unknown } | null)?.code;
  const response = (error as { responseCode?: unknown } | null)?.responseCode;
  if (typeof response === 'number') return `SMTP_${response}`;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'SEND_FAILED';
}

/** One worker round: claim, send, mark. Returns how many mails went out. Safe on any number of workers at once. */
export async function deliverDueMail(options: OutboxOptions): Promise<number> {
  const claimed = await claimDueMail(options);
  let sent = 0;
  for (const mail of claimed) {
    if (!(await renewClaim(options.db, options.schema, mail, options.leaseMs ?? DEFAULT_LEASE_MS))) continue;
    try {
      await options.transport.send(mail);
    } catch (error) {
      const code = errorCodeOf(error);
      options.log.warn('mail attempt failed', { outboxId: mail.id, attempt: mail.attempts, code });
      await releaseFailedMail(options.db, options.schema, mail, code);
      continue;
    }
    await markMailSent(options.db, options.schema, mail.id);
    sent += 1;
  }
  return sent;
}

import { Client } from 'pg';

export type AuditChainResult = { ok: true; events: number } | { ok: false; events: number; firstBrokenSeq: string; reason: AuditChainBreak };

/**
 * What broke the chain at firstBrokenSeq:
 *  - SEQ_GAP: rows are missing before it (deleted), or the numbering was changed;
 *  - HASH_MISMATCH: the row differs from what was written (a field was changed after the fact);
 *  - LINK_MISMATCH: its prevHash is not the previous row's hash (the previous row was replaced, hash and all).
 */
export type AuditChainBreak = 'SEQ_GAP' | 'HASH_MISMATCH' | 'LINK_MISMATCH';

/**
 * The first broken row in seq order. The digest is recomputed with audit.event_digest, the one definition the
 * chain trigger used when writing, so writer and checker cannot disagree about the canonical form.
 * Removing rows from the END of the log leaves a shorter but intact chain: compare `events` (and the last hash)
 * with an earlier run's to notice that (docs/operations.md).
 */
const FIRST_BREAK = `
  SELECT count(*) OVER () AS events, c.seq::text AS seq, c.reason FROM (
    SELECT e."seq",
           CASE
             WHEN e."seq" <> row_number() OVER w THEN 'SEQ_GAP'
             WHEN e."prevHash" IS DISTINCT FROM coalesce(lag(e."hash") OVER w, "audit"."genesis_hash"()) THEN 'LINK_MISMATCH'
             WHEN e."hash" IS DISTINCT FROM "audit"."event_digest"(e) THEN 'HASH_MISMATCH'
           END AS reason
      FROM "audit"."AuditEvent" e
    WINDOW w AS (ORDER BY e."seq")
  ) c
  ORDER BY c.reason IS NULL, c.seq
  LIMIT 1`;

/**
 * Checks the whole audit chain. `url` must be allowed to SELECT "audit"."AuditEvent" and run audit.event_digest:
 * the database owner, or identity's app role. Reads one snapshot (REPEATABLE READ, read only), so writers
 * committing meanwhile neither block it nor confuse it.
 */
export async function verifyAuditChain(url: string): Promise<AuditChainResult> {
  const client = new Client({ connectionString: url, application_name: 'haven-audit-verify' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await checkChain(async (sql) => (await client.query<BreakRow>(sql)).rows);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** One row of FIRST_BREAK's answer (none when the log is empty). */
interface BreakRow {
  events: string | number | bigint;
  seq: string;
  reason: AuditChainBreak | null;
}

/**
 * The check through any way of running SQL (a pg client, or a Prisma client's $queryRawUnsafe inside the
 * caller's own REPEATABLE READ transaction, as identity does).
 */
export async function checkChain(query: (sql: string) => Promise<BreakRow[]>): Promise<AuditChainResult> {
  const first = (await query(FIRST_BREAK))[0];
  if (!first) return { ok: true, events: 0 };
  const events = Number(first.events);
  if (first.reason === null) return { ok: true, events };
  return { ok: false, events, firstBrokenSeq: first.seq, reason: first.reason };
}

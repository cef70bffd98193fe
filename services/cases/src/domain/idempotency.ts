import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { KeyRing } from '@haven/kit/src/crypto/sealed';
import { AppError, badInput } from '@haven/kit/src/errors';
import type { CasesDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { IDEMPOTENCY_RECORD } from '../sql';

export type Tx = Prisma.TransactionClient;


export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;
/** How long a key replays; the clean-up job deletes older records (docs/operations.md). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface IdempotentRequest {
  callerSubject: string;
  /** The client's key; absent = an ordinary, non-idempotent request. */
  key: string | null | undefined;
  /** Names the mutation, so one key cannot replay another mutation's result. */
  operation: string;
  /** The mutation's input as validated (after trimming etc.): hashed, never stored. */
  input: unknown;
  /** Key for the hash (idempotencyHashKey): inputs carrying personal data must be keyed, see requestHash. */
  hashKey?: Buffer;
}

/** The client's key checked, or null when it sent none. */
export function checkIdempotencyKey(key: unknown): string | null {
  if (key === null || key === undefined) return null;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw badInput('idempotencyKey', 'idempotencyKey must be 1–100 characters: letters, digits, _ - : .');
  }
  return key;
}

/**
 * JSON with object keys sorted at every level (arrays keep their order), so two equal inputs hash the
 * same whatever order their fields were written in. Like JSON.stringify, undefined fields are left out.
 */
export function stableStringify(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return stableStringify((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprint stored for a key. With `hashKey` it is an HMAC: a plain sha256 of a short message or
 * of a name and birth date could be confirmed by guessing, by anyone who can read the table.
 */
export function requestHash(input: unknown, hashKey?: Buffer): string {
  const json = stableStringify(input);
  return (hashKey ? createHmac('sha256', hashKey) : createHash('sha256')).update(json).digest('hex');
}

/**
 * A hash key derived from the key ring's current key (not the sealing key itself: one key, one purpose).
 * A retry that spans a key rotation then no longer matches and is refused with CONFLICT — the safe way
 * round: nothing is written twice.
 */
export function idempotencyHashKey(ring: KeyRing): Buffer {
  const key = ring.keys.get(ring.currentKeyId);
  if (!key) throw new Error('the key ring has no current key');
  return createHmac('sha256', key).update('haven/cases/idempotency-request-hash/v1').digest();
}

/**
 * Claims the caller's key for `resultId`, inside the transaction that will write the result. Returns
 * null when the key is now this request's (go on and write, with `resultId` as the new row's id), or
 * `{ replayOf }` when an earlier request with the same key and the same payload already committed (write
 * nothing; answer with that id). The same key with another payload or operation is refused (CONFLICT).
 *
 * Why it is safe under concurrency: the INSERT … ON CONFLICT DO NOTHING on the primary key waits for
 * another transaction's uncommitted row with the same key. If that one commits, our insert does nothing
 * and the SELECT (a fresh READ COMMITTED snapshot) sees its row; if it rolls back, our insert goes
 * through and the key is ours. Either way exactly one write happens per key.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  request: IdempotentRequest & { key: string },
  resultId: string,
): Promise<{ replayOf: string } | null> {
  const hash = requestHash(request.input, request.hashKey);
  const inserted = await tx.$queryRaw<unknown[]>`
    INSERT INTO ${IDEMPOTENCY_RECORD} ("callerSubject", "key", "operation", "requestHash", "resultId")
    VALUES (${request.callerSubject}::uuid, ${request.key}, ${request.operation}, ${hash}, ${resultId}::uuid)
    ON CONFLICT ("callerSubject", "key") DO NOTHING
    RETURNING "key"`;
  if (inserted.length > 0) return null;

  const [first] = await tx.$queryRaw<{ operation: string; requestHash: string; resultId: string }[]>`
    SELECT "operation", "requestHash", "resultId"::text AS "resultId" FROM ${IDEMPOTENCY_RECORD}
     WHERE "callerSubject" = ${request.callerSubject}::uuid AND "key" = ${request.key}`;
  // Deleted by the clean-up job between the two statements: vanishingly rare, and retrying is correct.
  if (!first) throw new AppError('CONFLICT', 'idempotency key is being recycled; retry the request');
  if (first.operation !== request.operation || first.requestHash !== hash) {
    throw new AppError('CONFLICT', 'idempotency key already used for a different request', { field: 'idempotencyKey' });
  }
  return { replayOf: first.resultId };
}

/**
 * Runs `write` in one transaction under the caller's idempotency key (when one was sent). `write` gets
 * the id its new row must have, so the key's record and the row name each other and commit (or roll
 * back) together. A replay runs no `write` and answers with the first request's id.
 */
export async function withIdempotency(
  db: CasesDb,
  request: IdempotentRequest,
  write: (tx: Tx, id: string) => Promise<unknown>,
): Promise<{ id: string; replayed: boolean }> {
  const key = checkIdempotencyKey(request.key);
  return db.$transaction(
    async (tx) => {
      const id = randomUUID();
      if (key) {
        const claimed = await claimIdempotencyKey(tx, { ...request, key }, id);
        if (claimed) return { id: claimed.replayOf, replayed: true };
      }
      await write(tx, id);
      return { id, replayed: false };
    },
    // A burst of retries with one key queues behind the first transaction's row lock and for pool
    // connections; correctness comes from the primary key, not from the isolation level.
    { isolationLevel: 'ReadCommitted', maxWait: 15_000, timeout: 20_000 },
  );
}

/** Deletes records older than the retention (a day): their keys may then be used again. */
export async function deleteExpiredIdempotencyRecords(db: CasesDb, now: Date = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } },
  });
  return count;
}

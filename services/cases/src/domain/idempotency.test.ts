import { randomUUID } from 'node:crypto';
import { testDatabase } from '@haven/kit/src/testing/db';
import { createCasesDb, type CasesDb } from '../db';
import { newCaseReference } from './create-case';
import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import {
  deleteExpiredIdempotencyRecords,
  idempotencyHashKey,
  IDEMPOTENCY_RETENTION_MS,
  requestHash,
  stableStringify,
  withIdempotency,
  type Tx,
} from './idempotency';

function codeOf(error: unknown) {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}

describe('stableStringify', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
    expect(requestHash({ b: 1, a: 2 })).toBe(requestHash({ a: 2, b: 1 }));
    expect(requestHash([1, 2])).not.toBe(requestHash([2, 1]));
  });

  it('keys the hash when given a key, so a stored hash cannot be confirmed by guessing without it', () => {
    const ring = randomKeyRing();
    const keyed = requestHash({ body: 'ok' }, idempotencyHashKey(ring));
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(requestHash({ body: 'ok' }));
    expect(keyed).toBe(requestHash({ body: 'ok' }, idempotencyHashKey(ring)));
    expect(keyed).not.toBe(requestHash({ body: 'ok' }, idempotencyHashKey(randomKeyRing())));
  });

  it('leaves out undefined fields and writes dates as ISO strings', () => {
    expect(stableStringify({ a: undefined, b: null, at: new Date('2026-01-02T03:04:05.000Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z","b":null}',
    );
  });
});

describe('withIdempotency (PostgreSQL, cases app role)', () => {
  let db: CasesDb;
  let admin: CasesDb;
  const organisationId = randomUUID();

  beforeAll(() => {
    db = createCasesDb(testDatabase().appUrl('cases'), 6);
    admin = createCasesDb(testDatabase().adminUrl, 2);
  });
  afterAll(async () => {
    await admin.case.deleteMany({ where: { coordinatingOrganisationId: organisationId } });
    await Promise.all([db.$disconnect(), admin.$disconnect()]);
  });

  /** The guarded write: one Case row per call (the table the service really writes). */
  const createCaseRow = (callerSubject: string) => async (tx: Tx, id: string) => {
    await tx.case.create({
      data: { id, reference: newCaseReference(), urgency: 'STANDARD', needs: ['HOUSING'], coordinatingOrganisationId: organisationId, coordinatorUserId: callerSubject },
    });
  };
  const casesBy = (callerSubject: string) => db.case.count({ where: { coordinatorUserId: callerSubject } });
  const recordsOf = (callerSubject: string) => admin.idempotencyRecord.count({ where: { callerSubject } });

  it('replays the first result for the same key and payload without a second write', async () => {
    const callerSubject = randomUUID();
    const request = { callerSubject, key: 'create-1', operation: 'createCase', input: { urgency: 'STANDARD', needs: ['HOUSING'] } };
    const first = await withIdempotency(db, request, createCaseRow(callerSubject));
    // Same payload written in another field order is the same request.
    const again = await withIdempotency(db, { ...request, input: { needs: ['HOUSING'], urgency: 'STANDARD' } }, createCaseRow(callerSubject));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ id: first.id, replayed: true });
    expect(await casesBy(callerSubject)).toBe(1);
    expect(await db.case.findUnique({ where: { id: first.id } })).not.toBeNull();
  });

  it.each([
    ['a different payload', { operation: 'createCase', input: { urgency: 'URGENT', needs: ['HOUSING'] } }],
    ['a different operation', { operation: 'postMessage', input: { urgency: 'STANDARD', needs: ['HOUSING'] } }],
  ])('refuses the same key with %s (CONFLICT) and writes nothing more', async (_label, second) => {
    const callerSubject = randomUUID();
    await withIdempotency(
      db,
      { callerSubject, key: 'k:1', operation: 'createCase', input: { urgency: 'STANDARD', needs: ['HOUSING'] } },
      createCaseRow(callerSubject),
    );
    const error = await withIdempotency(db, { callerSubject, key: 'k:1', ...second }, createCaseRow(callerSubject)).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('CONFLICT');
    expect((error as Error).message).toBe('idempotency key already used for a different request');
    expect(await casesBy(callerSubject)).toBe(1);
  });

  it("keeps one caller's key apart from another caller's", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const request = { key: 'shared-key', operation: 'createCase', input: { x: 1 } };
    const first = await withIdempotency(db, { ...request, callerSubject: a }, createCaseRow(a));
    const second = await withIdempotency(db, { ...request, callerSubject: b }, createCaseRow(b));
    expect(second.replayed).toBe(false);
    expect(second.id).not.toBe(first.id);
  });

  it('writes once for 20 concurrent requests with one key, and all of them answer the same id', async () => {
    const callerSubject = randomUUID();
    const request = { callerSubject, key: 'burst.20', operation: 'createCase', input: { n: 20 } };
    const results = await Promise.all(Array.from({ length: 20 }, () => withIdempotency(db, request, createCaseRow(callerSubject))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await casesBy(callerSubject)).toBe(1);
    expect(await recordsOf(callerSubject)).toBe(1);
  });

  it('frees the key when the first transaction rolls back', async () => {
    const callerSubject = randomUUID();
    const failing = withIdempotency(db, { callerSubject, key: 'retry-me', operation: 'createCase', input: { n: 1 } }, async (tx, id) => {
      await createCaseRow(callerSubject)(tx, id);
      throw new Error('boom after the write');
    });
    await expect(failing).rejects.toThrow('boom after the write');
    expect(await recordsOf(callerSubject)).toBe(0);
    // Even another payload may use it now: the first request never happened.
    const retried = await withIdempotency(db, { callerSubject, key: 'retry-me', operation: 'createCase', input: { n: 2 } }, createCaseRow(callerSubject));
    expect(retried.replayed).toBe(false);
    expect(await casesBy(callerSubject)).toBe(1);
  });

  it('writes every time when no key is sent', async () => {
    const callerSubject = randomUUID();
    const request = { callerSubject, key: undefined, operation: 'createCase', input: { n: 1 } };
    const [a, b] = [await withIdempotency(db, request, createCaseRow(callerSubject)), await withIdempotency(db, request, createCaseRow(callerSubject))];
    expect(a.id).not.toBe(b.id);
    expect(await casesBy(callerSubject)).toBe(2);
    expect(await recordsOf(callerSubject)).toBe(0);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 101 characters', 'x'.repeat(101)],
    ['a key with a space', 'has space'],
    ['a key with a slash', 'slash/not-allowed'],
    ['a key with a non-ASCII letter', 'ümlaut'],
  ])('refuses %s with BAD_USER_INPUT on idempotencyKey and writes nothing', async (_label, key) => {
      const callerSubject = randomUUID();
      const error = await withIdempotency(db, { callerSubject, key, operation: 'createCase', input: {} }, createCaseRow(callerSubject)).catch(
        (e: unknown) => e,
      );
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
      expect((error as { extensions: { field?: unknown } }).extensions.field).toBe('idempotencyKey');
      expect(await casesBy(callerSubject)).toBe(0);
  });

  it('accepts a 100-character key of every allowed character', async () => {
    const callerSubject = randomUUID();
    const key = 'Az09_-:.'.repeat(12) + 'abcd';
    expect(key).toHaveLength(100);
    const result = await withIdempotency(db, { callerSubject, key, operation: 'createCase', input: {} }, createCaseRow(callerSubject));
    expect(result.replayed).toBe(false);
  });

  it('clean-up deletes records older than a day and keeps younger ones', async () => {
    const callerSubject = randomUUID();
    const now = new Date();
    const old = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS - 60_000);
    const young = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS + 60_000);
    await admin.idempotencyRecord.createMany({
      data: [
        { callerSubject, key: 'old', operation: 'createCase', requestHash: 'h', resultId: randomUUID(), createdAt: old },
        { callerSubject, key: 'young', operation: 'createCase', requestHash: 'h', resultId: randomUUID(), createdAt: young },
      ],
    });
    expect(await deleteExpiredIdempotencyRecords(db, now)).toBeGreaterThanOrEqual(1);
    const left = await admin.idempotencyRecord.findMany({ where: { callerSubject }, select: { key: true } });
    expect(left).toEqual([{ key: 'young' }]);
  });
});

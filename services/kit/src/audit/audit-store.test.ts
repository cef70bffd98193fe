import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SERVICES, type ServiceName } from '../db/services';
import { withClient } from '../db/with-client';
import { createIsolatedDatabase, testDatabase, type IsolatedDatabase } from '../testing/db';
import type { AuditEventInput } from './event';
import { pgExecutor } from './pg-executor';
import { verifyAuditChain } from './verify';
import { writeAuditEvents } from './write';

jest.setTimeout(60_000);

function event(part: ServiceName, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action: 'personal-data.read',
    part,
    requestId: randomUUID(),
    actorKind: 'user',
    actorUserId: randomUUID(),
    actorOrganisationId: randomUUID(),
    actorRole: 'COORDINATOR',
    caseId: randomUUID(),
    caseOrganisationId: randomUUID(),
    categories: ['CONTACT', 'HEALTH'],
    purpose: 'REFERRAL_CARE',
    consentRecordId: randomUUID(),
    ...overrides,
  };
}

/** The PostgreSQL error code of a failed statement, or 'ok'. */
async function outcome(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown';
  }
}

const PERMISSION_DENIED = '42501';

describe('the audit table, for each service role', () => {
  test.each(SERVICES)('%s may insert, and may not update, delete or truncate', async (service) => {
    await withClient(testDatabase().appUrl(service), async (client) => {
      await writeAuditEvents(pgExecutor(client), [event(service)]);
      expect(await outcome(client, `UPDATE "audit"."AuditEvent" SET "action" = 'x' WHERE false`)).toBe(PERMISSION_DENIED);
      expect(await outcome(client, `DELETE FROM "audit"."AuditEvent" WHERE false`)).toBe(PERMISSION_DENIED);
      expect(await outcome(client, `TRUNCATE "audit"."AuditEvent"`)).toBe(PERMISSION_DENIED);
    });
  });

  test.each(SERVICES)('%s: reading it is left to identity alone', async (service) => {
    await withClient(testDatabase().appUrl(service), async (client) => {
      expect(await outcome(client, `SELECT count(*) FROM "audit"."AuditEvent"`)).toBe(service === 'identity' ? 'ok' : PERMISSION_DENIED);
    });
  });

  test('a writer cannot choose seq, time or hash: the trigger sets them', async () => {
    const requestId = randomUUID();
    await withClient(testDatabase().appUrl('cases'), (client) =>
      client.query(
        `INSERT INTO "audit"."AuditEvent" ("seq", "at", "action", "part", "requestId", "actorKind", "prevHash", "hash")
         VALUES (1, '2000-01-01', 'x', 'cases', $1, 'system', 'forged', 'forged')`,
        [requestId],
      ),
    );
    const { rows } = await withClient(testDatabase().adminUrl, (client) =>
      client.query(`SELECT e."seq", e."at", e."hash" = "audit"."event_digest"(e) AS sound FROM "audit"."AuditEvent" e WHERE "requestId" = $1`, [requestId]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sound).toBe(true);
    expect(new Date(rows[0].at).getFullYear()).toBeGreaterThan(2000);
  });

  test('the owner, too, is refused updates and deletes while the append-only trigger is on', async () => {
    await withClient(testDatabase().adminUrl, async (client) => {
      expect(await outcome(client, `UPDATE "audit"."AuditEvent" SET "action" = "action"`)).toBe(PERMISSION_DENIED);
      expect(await outcome(client, `DELETE FROM "audit"."AuditEvent"`)).toBe(PERMISSION_DENIED);
    });
  });
});

describe('the chain (a database of its own)', () => {
  let db: IsolatedDatabase;
  beforeAll(async () => {
    db = await createIsolatedDatabase(['identity', 'partners', 'cases', 'consent']);
  });
  afterAll(() => db?.drop());

  const admin = (sql: string, params: unknown[] = []) => withClient(db.adminUrl, (client) => client.query(sql, params));

  test('starts empty and intact', async () => {
    expect(await verifyAuditChain(db.adminUrl)).toEqual({ ok: true, events: 0 });
  });

  test('stays whole with four roles writing 50 events each at once, in transactions', async () => {
    await Promise.all(
      SERVICES.map((service) =>
        withClient(db.appUrl(service), async (client) => {
          for (let batch = 0; batch < 10; batch++) {
            await client.query('BEGIN');
            await writeAuditEvents(pgExecutor(client), [event(service), event(service), event(service)]);
            await writeAuditEvents(pgExecutor(client), [event(service, { categories: [] }), event(service, { consentRecordId: null })]);
            await client.query('COMMIT');
          }
        }),
      ),
    );
    expect(await verifyAuditChain(db.appUrl('identity'))).toEqual({ ok: true, events: 200 });
    const { rows } = await admin(`SELECT min("seq")::int AS min, max("seq")::int AS max, count(*)::int AS n, count(DISTINCT "part")::int AS parts FROM "audit"."AuditEvent"`);
    expect(rows[0]).toEqual({ min: 1, max: 200, n: 200, parts: 4 });
  });

  test('leaves no gap when a writer rolls back, also with another writer waiting for it', async () => {
    const before = Number((await admin(`SELECT max("seq") AS max FROM "audit"."AuditEvent"`)).rows[0].max);
    const first = new Client({ connectionString: db.appUrl('cases') });
    const second = new Client({ connectionString: db.appUrl('consent') });
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      await writeAuditEvents(pgExecutor(first), [event('cases')]);
      await second.query('BEGIN');
      // Waits for the chain lock the first writer holds until it ends.
      const waiting = writeAuditEvents(pgExecutor(second), [event('consent', { action: 'consent.record' })]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('ROLLBACK');
      await waiting;
      await second.query('COMMIT');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const { rows } = await admin(`SELECT "seq"::int AS seq, "part" FROM "audit"."AuditEvent" WHERE "seq" > $1 ORDER BY "seq"`, [before]);
    expect(rows).toEqual([{ seq: before + 1, part: 'consent' }]);
    expect(await verifyAuditChain(db.adminUrl)).toEqual({ ok: true, events: before + 1 });
  });

  describe('changed by the owner behind its back', () => {
    beforeAll(() => admin(`ALTER TABLE "audit"."AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`));
    afterAll(() => admin(`ALTER TABLE "audit"."AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`));

    test('reports the seq of an edited middle row, and is whole again once the edit is undone', async () => {
      const { rows } = await admin(`SELECT "purpose" FROM "audit"."AuditEvent" WHERE "seq" = 100`);
      await admin(`UPDATE "audit"."AuditEvent" SET "purpose" = 'STATISTICS' WHERE "seq" = 100`);
      expect(await verifyAuditChain(db.adminUrl)).toMatchObject({ ok: false, firstBrokenSeq: '100', reason: 'HASH_MISMATCH' });
      await admin(`UPDATE "audit"."AuditEvent" SET "purpose" = $1 WHERE "seq" = 100`, [rows[0].purpose]);
      expect(await verifyAuditChain(db.adminUrl)).toMatchObject({ ok: true });
    });

    test('reports a row rewritten with a fresh hash at the next row, whose link no longer fits', async () => {
      await admin(`UPDATE "audit"."AuditEvent" e SET "actorRole" = 'AUDITOR' WHERE "seq" = 120`);
      await admin(`UPDATE "audit"."AuditEvent" e SET "hash" = "audit"."event_digest"(e) WHERE "seq" = 120`);
      expect(await verifyAuditChain(db.adminUrl)).toMatchObject({ ok: false, firstBrokenSeq: '121', reason: 'LINK_MISMATCH' });
    });

    test('reports the row after a deleted one, and the earliest break first', async () => {
      await admin(`DELETE FROM "audit"."AuditEvent" WHERE "seq" = 50`);
      expect(await verifyAuditChain(db.adminUrl)).toEqual({ ok: false, events: 200, firstBrokenSeq: '51', reason: 'SEQ_GAP' });
    });
  });
});

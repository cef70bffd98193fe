import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createMemoryLogger } from '../log';
import { createIsolatedDatabase, type IsolatedDatabase } from '../testing/db';
import { folderTransport } from './folder-transport';
import type { OutgoingMail } from './outgoing-mail';
import { claimDueMail, deliverDueMail, MAX_ATTEMPTS, renewClaim, retryDelayMs, type OutboxDb } from './outbox-worker';
import type { MailTransport } from './transport';

const SCHEMA = 'identity';
const FROM = 'Haven <no-reply@haven.test>';

/** The outbox worker's view of a pg pool (a Prisma client offers the same two methods). */
function outboxDbFrom(pool: Pool): OutboxDb {
  return {
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => pool.query(query, values).then((r) => r.rows as T),
    $executeRawUnsafe: (query: string, ...values: unknown[]) => pool.query(query, values).then((r) => r.rowCount ?? 0),
  };
}

/** A transport that records every hand-over (before passing it on), so duplicates show up even when the folder hides them. */
function recording(inner: MailTransport): MailTransport & { handedOver: string[] } {
  const handedOver: string[] = [];
  return {
    kind: inner.kind,
    handedOver,
    async send(mail: OutgoingMail) {
      handedOver.push(mail.id);
      await inner.send(mail);
    },
    close: () => inner.close(),
  };
}

describe('mail outbox delivery', () => {
  let database: IsolatedDatabase;
  let app: Pool;
  let admin: Pool;
  let db: OutboxDb;
  let dir: string;

  beforeAll(async () => {
    database = await createIsolatedDatabase(['identity']);
    app = new Pool({ connectionString: database.appUrl('identity'), max: 6 });
    admin = new Pool({ connectionString: database.adminUrl, max: 2 });
    db = outboxDbFrom(app);
  });
  afterAll(async () => {
    await app.end();
    await admin.end();
    await database.drop();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'haven-mail-'));
    await admin.query(`TRUNCATE identity."MailOutbox"`);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function enqueue(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (const id of ids) {
      await app.query(`INSERT INTO identity."MailOutbox" ("id", "recipient", "subject", "body") VALUES ($1, $2, 'Something needs attention', 'See the portal')`, [
        id,
        `person-${id.slice(0, 8)}@example.test`,
      ]);
    }
    return ids;
  }

  const options = (transport: MailTransport, leaseMs = 60_000) => ({ db, schema: SCHEMA, transport, log: createMemoryLogger(), leaseMs, batchSize: 7 });
  const sentIds = async () => (await admin.query<{ id: string }>(`SELECT "id" FROM identity."MailOutbox" WHERE "sentAt" IS NOT NULL`)).rows.map((r) => r.id);
  const files = async () => (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  const drain = async (transport: MailTransport, leaseMs?: number) => {
    while ((await deliverDueMail(options(transport, leaseMs))) > 0);
  };

  it('two workers racing hand every message over exactly once', async () => {
    const ids = await enqueue(40);
    const transport = recording(folderTransport({ dir, from: FROM }));
    await Promise.all([drain(transport), drain(transport), drain(transport)]);
    expect([...transport.handedOver].sort()).toEqual([...ids].sort());
    expect(await files()).toEqual(ids.map((id) => `${id}.eml`).sort());
    expect((await sentIds()).sort()).toEqual([...ids].sort());
  });

  it('rows claimed by a worker that crashed stay untouched while its lease runs, then go out once', async () => {
    const ids = await enqueue(10);
    // The "crashed" worker: claims and is never heard of again.
    const abandoned = await claimDueMail({ db, schema: SCHEMA, leaseMs: 1_500, batchSize: 4 });
    expect(abandoned).toHaveLength(4);
    const transport = recording(folderTransport({ dir, from: FROM }));
    await Promise.all([drain(transport), drain(transport)]);
    const abandonedIds = abandoned.map((mail) => mail.id);
    expect(transport.handedOver.filter((id) => abandonedIds.includes(id))).toEqual([]);
    expect(transport.handedOver).toHaveLength(6);

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await Promise.all([drain(transport), drain(transport)]);
    expect([...transport.handedOver].sort()).toEqual([...ids].sort());
    expect(await files()).toHaveLength(10);
    const attempts = await admin.query<{ attempts: number }>(`SELECT "attempts" FROM identity."MailOutbox" WHERE "id" = ANY($1::uuid[])`, [abandonedIds]);
    expect(attempts.rows.map((r) => r.attempts)).toEqual([2, 2, 2, 2]);
  });

  it('a worker that crashed between sending and marking causes one resend of the same message, and the folder keeps one file', async () => {
    const [id] = await enqueue(1);
    const folder = folderTransport({ dir, from: FROM });
    // The crashing worker: claims, hands over, dies before "mark sent".
    const [claimed] = await claimDueMail({ db, schema: SCHEMA, leaseMs: 1_000, batchSize: 1 });
    await folder.send(claimed!);
    const firstCopy = await readFile(join(dir, `${id}.eml`), 'utf8');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const transport = recording(folder);
    await Promise.all([drain(transport), drain(transport)]);
    expect(transport.handedOver).toEqual([id]);
    expect(await files()).toEqual([`${id}.eml`]);
    expect(await readFile(join(dir, `${id}.eml`), 'utf8')).toBe(firstCopy);
    expect(firstCopy).toContain(`Message-ID: <${id}@haven.test>`);
    expect(await sentIds()).toEqual([id]);
    // Nothing is due any more: later rounds send nothing.
    expect(await deliverDueMail(options(transport))).toBe(0);
  });

  it('a failed attempt is retried after a backoff, keeps only an error code, and is given up after the last attempt', async () => {
    const [id] = await enqueue(1);
    const failing: MailTransport = {
      kind: 'smtp',
      send: () => Promise.reject(Object.assign(new Error('550 mailbox person@example.test unknown'), { responseCode: 550 })),
      close: () => undefined,
    };
    const log = createMemoryLogger();
    expect(await deliverDueMail({ ...options(failing), log })).toBe(0);
    const row = (await admin.query(`SELECT "attempts", "lastError", "dueAt" > now() + interval '20 seconds' AS "backedOff", "leaseUntil" FROM identity."MailOutbox" WHERE "id" = $1`, [id])).rows[0];
    expect(row).toEqual({ attempts: 1, lastError: 'SMTP_550', backedOff: true, leaseUntil: null });
    expect(log.lines.join('\n')).not.toContain('example.test');
    // Not due yet: a second round leaves it alone.
    expect(await deliverDueMail(options(failing))).toBe(0);
    expect((await admin.query(`SELECT "attempts" FROM identity."MailOutbox" WHERE "id" = $1`, [id])).rows[0].attempts).toBe(1);

    await admin.query(`UPDATE identity."MailOutbox" SET "dueAt" = now(), "attempts" = $2 WHERE "id" = $1`, [id, MAX_ATTEMPTS - 1]);
    await deliverDueMail(options(failing));
    const given = (await admin.query(`SELECT "failedAt" IS NOT NULL AS "gaveUp" FROM identity."MailOutbox" WHERE "id" = $1`, [id])).rows[0];
    expect(given.gaveUp).toBe(true);
    await admin.query(`UPDATE identity."MailOutbox" SET "dueAt" = now() WHERE "id" = $1`, [id]);
    const transport = recording(folderTransport({ dir, from: FROM }));
    await deliverDueMail(options(transport));
    expect(transport.handedOver).toEqual([]);
  });

  it('a worker whose batch outlived its lease skips the rows another worker took meanwhile', async () => {
    const ids = await enqueue(3);
    const transport = recording(folderTransport({ dir, from: FROM }));
    // The slow worker claims all three, then stalls until its lease has run out.
    const slow = await claimDueMail({ db, schema: SCHEMA, leaseMs: 500, batchSize: 3 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await drain(transport);
    expect([...transport.handedOver].sort()).toEqual([...ids].sort());
    // Back from its stall, it finds none of its claims renewable: nothing is sent twice.
    for (const mail of slow) expect(await renewClaim(db, SCHEMA, mail, 60_000)).toBe(false);
    expect(transport.handedOver).toHaveLength(3);
  });

  it('backs off 30 s, then doubling, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(50)).toBe(3_600_000);
  });
});

import { randomUUID } from 'node:crypto';
import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import { open } from '@haven/kit/src/crypto/sealed';
import { testDatabase } from '@haven/kit/src/testing/db';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb, type CasesDb } from '../db';
import type { Referral } from '../generated/prisma/client';
import { createTestCase, createTestReferral, deleteTestCases } from '../test-fixtures';
import { markMessagesRead, messageAad, postMessage, threadFor, threadOfReferral } from './messages';
import { countUnread, loadMessages } from './messages-thread';

function codeOf(error: unknown) {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}

describe('referral message threads (PostgreSQL, cases app role)', () => {
  let db: CasesDb;
  let admin: CasesDb;
  const keyRing = randomKeyRing();
  const coordinatingOrg = randomUUID();
  const partnerOrg = randomUUID();
  const otherPartnerOrg = randomUUID();
  const otherCoordinatingOrg = randomUUID();
  const coordinator = caller(coordinatingOrg, ['COORDINATOR']);
  const partnerStaff = caller(partnerOrg, ['PARTNER_STAFF']);
  const partnerAdmin = caller(partnerOrg, ['PARTNER_ADMIN']);

  beforeAll(() => {
    db = createCasesDb(testDatabase().appUrl('cases'), 6);
    admin = createCasesDb(testDatabase().adminUrl, 2);
  });
  afterAll(async () => {
    await deleteTestCases(admin, [coordinatingOrg]);
    await Promise.all([db.$disconnect(), admin.$disconnect()]);
  });

  async function newReferral(options: { caseStatus?: 'OPEN' | 'CLOSED'; state?: Referral['state'] } = {}): Promise<Referral> {
    const kase = await createTestCase(admin, { coordinatingOrganisationId: coordinatingOrg, status: options.caseStatus });
    return createTestReferral(admin, { caseId: kase.id, organisationId: partnerOrg, coordinatingOrganisationId: coordinatingOrg, state: options.state });
  }
  const post = (who: typeof coordinator, referralId: string, body: string, idempotencyKey?: string) =>
    postMessage(db, keyRing, who, { referralId, body, idempotencyKey });
  const unread = async (referralId: string) => {
    const [coordinatorSide, partnerSide] = await countUnread(db, [
      { referralId, side: 'COORDINATOR' },
      { referralId, side: 'PARTNER' },
    ]);
    return { coordinatorSide, partnerSide };
  };
  const storedMessages = (referralId: string) => admin.message.count({ where: { referralId } });

  describe('who takes part', () => {
    it("lets the referral's coordinator and the receiving organisation's staff and admin post, each on their side", async () => {
      const referral = await newReferral();
      const a = await post(coordinator, referral.id, 'hello from the coordinator');
      const b = await post(partnerStaff, referral.id, 'hello from partner staff');
      const c = await post(partnerAdmin, referral.id, 'and from the partner admin');
      expect([a.side, b.side, c.side]).toEqual(['COORDINATOR', 'PARTNER', 'PARTNER']);
      expect(a).toMatchObject({ authorUserId: coordinator.subject, authorOrganisationId: coordinatingOrg, referralId: referral.id });
      expect(b).toMatchObject({ authorUserId: partnerStaff.subject, authorOrganisationId: partnerOrg });
      const page = await loadMessages(db, await threadFor(db, partnerStaff, referral.id), {});
      expect(page.nodes.map((m) => m.id)).toEqual([a.id, b.id, c.id]);
    });

    it.each([
      ['staff of another partner organisation', caller(otherPartnerOrg, ['PARTNER_STAFF', 'PARTNER_ADMIN'])],
      ['a coordinator of another organisation', caller(otherCoordinatingOrg, ['COORDINATOR'])],
      ['a network admin of the coordinating organisation', caller(coordinatingOrg, ['NETWORK_ADMIN', 'AUDITOR'])],
      ['a coordinator without an active organisation', caller(null, ['COORDINATOR'])],
    ])('%s gets NOT_FOUND for posting, marking read and reading, and nothing is written', async (_label, outsider) => {
      const referral = await newReferral();
      await post(coordinator, referral.id, 'for the partner only');
      expect(codeOf(await post(outsider, referral.id, 'let me in').catch((e: unknown) => e))).toBe('NOT_FOUND');
      expect(codeOf(await markMessagesRead(db, outsider, referral.id).catch((e: unknown) => e))).toBe('NOT_FOUND');
      expect(codeOf(await threadFor(db, outsider, referral.id).catch((e: unknown) => e))).toBe('NOT_FOUND');
      expect(() => threadOfReferral(outsider, referral)).toThrow('Referral not found');
      expect(await storedMessages(referral.id)).toBe(1);
      expect(await admin.messageRead.findMany({ where: { referralId: referral.id }, select: { side: true } })).toEqual([{ side: 'COORDINATOR' }]);
    });

    it('answers NOT_FOUND for a referral that does not exist or an id that is not one', async () => {
      for (const referralId of [randomUUID(), 'not-an-id']) {
        expect(codeOf(await post(coordinator, referralId, 'anyone?').catch((e: unknown) => e))).toBe('NOT_FOUND');
      }
    });
  });

  describe('posting', () => {
    it('stores the body sealed under the message id, never as plain text, trimmed', async () => {
      const referral = await newReferral();
      const body = 'Client arrives Tuesday 14:00 at the side entrance';
      const message = await post(coordinator, referral.id, `  ${body}\n`);
      const row = await admin.message.findUniqueOrThrow({ where: { id: message.id } });
      expect(Buffer.from(row.sealed).toString('utf8')).not.toContain('Tuesday');
      expect(Buffer.from(row.sealed).toString('latin1')).not.toContain('side entrance');
      const rawRows = await admin.$queryRaw<{ text: string }[]>`SELECT row_to_json(m)::text AS "text" FROM "cases"."Message" m WHERE m."id" = ${message.id}::uuid`;
      expect(rawRows[0]!.text).not.toContain('Tuesday');
      expect(row.keyId).toBe(keyRing.currentKeyId);
      expect(open(keyRing, { keyId: row.keyId, sealed: Buffer.from(row.sealed) }, messageAad(message.id))).toBe(body);
      // Bound to its own row: the same bytes do not open as another message.
      expect(() => open(keyRing, { keyId: row.keyId, sealed: Buffer.from(row.sealed) }, messageAad(randomUUID()))).toThrow();
    });

    it.each([
      ['an empty body', ''],
      ['a body of only spaces', '   \n\t '],
      ['a body over 4000 characters', 'x'.repeat(4001)],
    ])('refuses %s with BAD_USER_INPUT on body and writes nothing', async (_label, body) => {
      const referral = await newReferral();
      const error = await post(partnerStaff, referral.id, body).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
      expect((error as { extensions: { field?: unknown } }).extensions.field).toBe('body');
      expect(await storedMessages(referral.id)).toBe(0);
    });

    it('takes a body of exactly 4000 characters after trimming', async () => {
      const referral = await newReferral();
      const message = await post(partnerStaff, referral.id, ` ${'y'.repeat(4000)} `);
      expect(message.id).toBeTruthy();
    });

    it('is allowed in an ended referral state while the case is open', async () => {
      const referral = await newReferral({ state: 'DECLINED' });
      await post(coordinator, referral.id, 'understood, thank you');
      expect(await storedMessages(referral.id)).toBe(1);
    });

    it('is refused with INVALID_TRANSITION once the case is closed, and writes nothing', async () => {
      const referral = await newReferral({ caseStatus: 'CLOSED', state: 'CLOSED' });
      const error = await post(partnerStaff, referral.id, 'one more thing').catch((e: unknown) => e);
      expect(codeOf(error)).toBe('INVALID_TRANSITION');
      expect(await storedMessages(referral.id)).toBe(0);
      expect(await admin.messageRead.count({ where: { referralId: referral.id } })).toBe(0);
    });

    it('replays a post with the same idempotency key and body, and refuses the key with another body', async () => {
      const referral = await newReferral();
      const first = await post(partnerStaff, referral.id, 'we can take her', 'msg-1');
      const again = await post(partnerStaff, referral.id, '  we can take her ', 'msg-1');
      expect(again.id).toBe(first.id);
      expect(again.sentAt).toEqual(first.sentAt);
      const error = await post(partnerStaff, referral.id, 'we cannot take her', 'msg-1').catch((e: unknown) => e);
      expect(codeOf(error)).toBe('CONFLICT');
      expect(await storedMessages(referral.id)).toBe(1);
    });

    it('keeps all 30 of 30 concurrent posts, each once, in one consistent oldest-first order across pages', async () => {
      const referral = await newReferral();
      const posted = await Promise.all(
        Array.from({ length: 30 }, (_, i) => post(i % 2 ? coordinator : partnerStaff, referral.id, `message ${i}`)),
      );
      expect(await storedMessages(referral.id)).toBe(30);
      const thread = await threadFor(db, coordinator, referral.id);
      const seen: { id: string; sentAt: Date }[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await loadMessages(db, thread, { first: 7, after });
        seen.push(...page.nodes);
        after = page.endCursor;
        if (!page.hasNextPage) break;
      }
      expect(seen.map((m) => m.id).sort()).toEqual(posted.map((m) => m.id).sort());
      for (let i = 1; i < seen.length; i++) {
        const [prev, next] = [seen[i - 1]!, seen[i]!];
        expect(prev.sentAt.getTime() < next.sentAt.getTime() || (prev.sentAt.getTime() === next.sentAt.getTime() && prev.id < next.id)).toBe(true);
      }
    });

    it('orders posts made one after another in the order they were made, even within one millisecond', async () => {
      const referral = await newReferral();
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await post(i % 2 ? coordinator : partnerAdmin, referral.id, `turn ${i}`)).id);
      const page = await loadMessages(db, await threadFor(db, coordinator, referral.id), { first: 100 });
      expect(page.nodes.map((m) => m.id)).toEqual(ids);
    });
  });

  describe('reading', () => {
    it('counts unread per side: the other side’s messages since the side last read, never its own', async () => {
      const referral = await newReferral();
      expect(await unread(referral.id)).toEqual({ coordinatorSide: 0, partnerSide: 0 });
      await post(coordinator, referral.id, 'first');
      await post(coordinator, referral.id, 'second');
      expect(await unread(referral.id)).toEqual({ coordinatorSide: 0, partnerSide: 2 });

      const thread = await markMessagesRead(db, partnerStaff, referral.id);
      expect(thread.side).toBe('PARTNER');
      expect(await unread(referral.id)).toEqual({ coordinatorSide: 0, partnerSide: 0 });

      await post(partnerAdmin, referral.id, 'reply');
      expect(await unread(referral.id)).toEqual({ coordinatorSide: 1, partnerSide: 0 });
      // Replying counts as having read what came before it.
      await post(coordinator, referral.id, 'answer to the reply');
      expect(await unread(referral.id)).toEqual({ coordinatorSide: 0, partnerSide: 1 });
    });

    it('never moves a read marker backwards', async () => {
      const referral = await newReferral();
      await markMessagesRead(db, coordinator, referral.id);
      const before = (await admin.messageRead.findUniqueOrThrow({ where: { referralId_side: { referralId: referral.id, side: 'COORDINATOR' } } })).lastReadAt;
      await admin.messageRead.update({
        where: { referralId_side: { referralId: referral.id, side: 'COORDINATOR' } },
        data: { lastReadAt: new Date(before.getTime() + 3_600_000) },
      });
      await markMessagesRead(db, coordinator, referral.id);
      const after = (await admin.messageRead.findUniqueOrThrow({ where: { referralId_side: { referralId: referral.id, side: 'COORDINATOR' } } })).lastReadAt;
      expect(after.getTime()).toBe(before.getTime() + 3_600_000);
    });

    it('counts unread for a list of referrals in one call, each on its own', async () => {
      const [r1, r2, r3] = [await newReferral(), await newReferral(), await newReferral()];
      await post(coordinator, r1.id, 'a');
      await post(coordinator, r2.id, 'b');
      await post(coordinator, r2.id, 'c');
      await post(partnerStaff, r3.id, 'd');
      expect(
        await countUnread(db, [
          { referralId: r1.id, side: 'PARTNER' },
          { referralId: r2.id, side: 'PARTNER' },
          { referralId: r3.id, side: 'PARTNER' },
          { referralId: r3.id, side: 'COORDINATOR' },
        ]),
      ).toEqual([1, 2, 0, 1]);
    });

    it('refuses a page larger than 100 or an unknown cursor with BAD_USER_INPUT', async () => {
      const referral = await newReferral();
      const thread = await threadFor(db, coordinator, referral.id);
      expect(codeOf(await loadMessages(db, thread, { first: 101 }).catch((e: unknown) => e))).toBe('BAD_USER_INPUT');
      expect(codeOf(await loadMessages(db, thread, { first: 0 }).catch((e: unknown) => e))).toBe('BAD_USER_INPUT');
      expect(codeOf(await loadMessages(db, thread, { after: 'bm9wZQ' }).catch((e: unknown) => e))).toBe('BAD_USER_INPUT');
    });
  });
});

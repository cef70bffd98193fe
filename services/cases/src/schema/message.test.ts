import { randomUUID } from 'node:crypto';
import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import { seal } from '@haven/kit/src/crypto/sealed';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from '../db';
import { messageAad } from '../domain/messages';
import { createCasesServer } from '../server';
import { createTestCase, createTestReferral, deleteTestCases } from '../test-fixtures';
import { testCasesSettings } from '../test-settings';

const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }) });
type Cases = Awaited<ReturnType<typeof startCases>>;

const MESSAGE_FIELDS = 'id body side sentAt author { id } authorOrganisation { id }';
const POST = `mutation ($referralId: ID!, $body: String!, $key: String) {
  postMessage(referralId: $referralId, body: $body, idempotencyKey: $key) { ${MESSAGE_FIELDS} } }`;
const READ = `mutation ($referralId: ID!, $first: Int, $after: String) {
  markMessagesRead(referralId: $referralId) { side unreadCount messages(first: $first, after: $after) { nodes { ${MESSAGE_FIELDS} } endCursor hasNextPage } } }`;

const THREAD = `query ($id: ID!) { referral(id: $id) { id messageThread { side unreadCount messages { nodes { body side } } } } }`;
const INCOMING = `query { incomingReferrals(first: 100) { nodes { id messageThread { unreadCount } } } }`;

describe('message threads over HTTP (cases subgraph)', () => {
  let cases: Cases;
  const coordinatingOrg = randomUUID();
  const partnerA = randomUUID();
  const partnerB = randomUUID();
  const coordinator = caller(coordinatingOrg, ['COORDINATOR']);
  const staffA = caller(partnerA, ['PARTNER_STAFF']);
  const staffB = caller(partnerB, ['PARTNER_STAFF', 'PARTNER_ADMIN']);
  const otherCoordinator = caller(randomUUID(), ['COORDINATOR']);

  beforeAll(async () => {
    cases = await startCases();
  });
  afterAll(async () => {
    await deleteTestCases(cases.admin, [coordinatingOrg]);
    await cases.close();
  });

  async function referralToA(caseStatus: 'OPEN' | 'CLOSED' = 'OPEN') {
    const kase = await createTestCase(cases.admin, { coordinatingOrganisationId: coordinatingOrg, status: caseStatus });
    return createTestReferral(cases.admin, { caseId: kase.id, organisationId: partnerA, coordinatingOrganisationId: coordinatingOrg });
  }
  const postAs = (who: typeof coordinator | null, referralId: string, body: string, key?: string) =>
    cases.gql({ query: POST, variables: { referralId, body, key } }, who);
  const readAs = (who: typeof coordinator | null, referralId: string, page: { first?: number; after?: string } = {}) =>
    cases.gql({ query: READ, variables: { referralId, ...page } }, who);
  const stored = (referralId: string) => cases.admin.message.count({ where: { referralId } });

  it('the coordinator and the receiving partner write and read one thread, with author, organisation and time', async () => {
    const referral = await referralToA();
    const first = await postAs(coordinator, referral.id, 'Can you take a client tonight?');
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.postMessage).toMatchObject({
      body: 'Can you take a client tonight?',
      side: 'COORDINATOR',
      author: { id: coordinator.subject },
      authorOrganisation: { id: coordinatingOrg },
    });
    expect(new Date(first.body.data!.postMessage.sentAt).getTime()).not.toBeNaN();

    const reply = await postAs(staffA, referral.id, 'Yes, after 20:00.');
    expect(reply.body.data!.postMessage).toMatchObject({ side: 'PARTNER', author: { id: staffA.subject }, authorOrganisation: { id: partnerA } });

    const thread = await readAs(coordinator, referral.id);
    expect(thread.body.errors).toBeUndefined();
    expect(thread.body.data!.markMessagesRead).toMatchObject({ side: 'COORDINATOR', unreadCount: 0, messages: { hasNextPage: false } });
    expect(thread.body.data!.markMessagesRead.messages.nodes.map((m: { body: string }) => m.body)).toEqual([
      'Can you take a client tonight?',
      'Yes, after 20:00.',
    ]);
  });

  it.each([
    ['staff of partner B', staffB],
    ['a coordinator of another organisation', otherCoordinator],
  ])('%s gets NOT_FOUND for posting and reading, sees no message and writes nothing', async (_label, outsider) => {
    const referral = await referralToA();
    await postAs(coordinator, referral.id, 'Placement details for partner A');
    const posted = await postAs(outsider, referral.id, 'hello?');
    expect(errorCodes(posted)).toEqual(['NOT_FOUND']);
    expect(posted.body.data ?? null).toBeNull();
    const read = await readAs(outsider, referral.id);
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(read.body)).not.toContain('Placement details');
    expect(await stored(referral.id)).toBe(1);
    expect(await cases.admin.messageRead.count({ where: { referralId: referral.id, side: 'PARTNER' } })).toBe(0);
  });

  it.each([
    ['a network admin', 'FORBIDDEN', caller(randomUUID(), ['NETWORK_ADMIN'])],
    ['an anonymous caller', 'UNAUTHENTICATED', null],
  ])('%s is refused posting and reading with %s', async (_label, code, who) => {
    const referral = await referralToA();
    expect(errorCodes(await postAs(who, referral.id, 'hi'))).toEqual([code]);
    expect(errorCodes(await readAs(who, referral.id))).toEqual([code]);
    expect(await stored(referral.id)).toBe(0);
  });

  it('marking read leaves nothing unread for the reader and keeps a marker per side', async () => {
    const referral = await referralToA();
    await postAs(coordinator, referral.id, 'one');
    await postAs(coordinator, referral.id, 'two');
    // Reading returns the thread as it was just marked: nothing left unread for the reader.
    const partnerRead = await readAs(staffA, referral.id);
    expect(partnerRead.body.data!.markMessagesRead).toMatchObject({ side: 'PARTNER', unreadCount: 0 });
    await postAs(staffA, referral.id, 'three');
    const coordinatorRead = await readAs(coordinator, referral.id);
    expect(coordinatorRead.body.data!.markMessagesRead.unreadCount).toBe(0);
    const reads = await cases.admin.messageRead.findMany({ where: { referralId: referral.id }, orderBy: { side: 'asc' } });
    expect(reads.map((r) => r.side)).toEqual(['COORDINATOR', 'PARTNER']);
  });

  it('replays an idempotent post and refuses the key with another body', async () => {
    const referral = await referralToA();
    const first = await postAs(staffA, referral.id, 'confirmed', 'client-key-1');
    const again = await postAs(staffA, referral.id, 'confirmed', 'client-key-1');
    expect(again.body.data!.postMessage.id).toBe(first.body.data!.postMessage.id);
    expect(errorCodes(await postAs(staffA, referral.id, 'changed my mind', 'client-key-1'))).toEqual(['CONFLICT']);
    expect(errorCodes(await postAs(staffA, referral.id, 'bad key', 'no spaces allowed'))).toEqual(['BAD_USER_INPUT']);
    expect(await stored(referral.id)).toBe(1);
  });

  it('refuses posts on a closed case with INVALID_TRANSITION', async () => {
    const referral = await referralToA('CLOSED');
    expect(errorCodes(await postAs(coordinator, referral.id, 'too late'))).toEqual(['INVALID_TRANSITION']);
    expect(await stored(referral.id)).toBe(0);
  });

  it('pages oldest first with an opaque cursor, and refuses pages over 100', async () => {
    const referral = await referralToA();
    for (const body of ['m1', 'm2', 'm3']) await postAs(coordinator, referral.id, body);
    const page1 = await readAs(staffA, referral.id, { first: 2 });
    const messages1 = page1.body.data!.markMessagesRead.messages;
    expect(messages1.nodes.map((m: { body: string }) => m.body)).toEqual(['m1', 'm2']);
    expect(messages1.hasNextPage).toBe(true);
    const page2 = await readAs(staffA, referral.id, { first: 2, after: messages1.endCursor });
    expect(page2.body.data!.markMessagesRead.messages).toMatchObject({ hasNextPage: false, nodes: [{ body: 'm3' }] });
    expect(errorCodes(await readAs(staffA, referral.id, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a body that does not open with null and keeps the rest of the thread', async () => {
    const referral = await referralToA();
    await postAs(coordinator, referral.id, 'readable');
    const id = randomUUID();
    const foreign = seal(randomKeyRing(), 'sealed with a key this server lacks', messageAad(id));
    await cases.admin.message.create({
      data: { id, referralId: referral.id, side: 'PARTNER', authorUserId: staffA.subject, authorOrganisationId: partnerA, keyId: foreign.keyId, sealed: new Uint8Array(foreign.sealed) },
    });
    const read = await readAs(coordinator, referral.id);
    expect(read.body.errors).toBeUndefined();
    const nodes = read.body.data!.markMessagesRead.messages.nodes as { id: string; body: string | null }[];
    expect(nodes.find((m) => m.id === id)?.body).toBeNull();
    expect(nodes.map((m) => m.body)).toContain('readable');
  });

  describe('through Referral.messageThread', () => {
    const threadAs = async (who: typeof coordinator, referralId: string) => {
      const res = await cases.gql({ query: THREAD, variables: { id: referralId } }, who);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.referral.messageThread as { side: string; unreadCount: number; messages: { nodes: { body: string; side: string }[] } };
    };

    it('shows each side its own unread count, moving as messages are posted and read', async () => {
      const referral = await referralToA();
      await postAs(coordinator, referral.id, 'first');
      await postAs(coordinator, referral.id, 'second');
      expect(await threadAs(staffA, referral.id)).toMatchObject({ side: 'PARTNER', unreadCount: 2 });
      expect(await threadAs(coordinator, referral.id)).toMatchObject({ side: 'COORDINATOR', unreadCount: 0 });

      await readAs(staffA, referral.id);
      expect((await threadAs(staffA, referral.id)).unreadCount).toBe(0);

      await postAs(staffA, referral.id, 'answer');
      expect((await threadAs(coordinator, referral.id)).unreadCount).toBe(1);
      expect((await threadAs(staffA, referral.id)).unreadCount).toBe(0);
      expect((await threadAs(coordinator, referral.id)).messages.nodes).toEqual([
        { body: 'first', side: 'COORDINATOR' },
        { body: 'second', side: 'COORDINATOR' },
        { body: 'answer', side: 'PARTNER' },
      ]);
    });

    it("gives partner B neither the thread nor a word of it", async () => {
      const referral = await referralToA();
      await postAs(coordinator, referral.id, 'Only for partner A');
      const res = await cases.gql({ query: THREAD, variables: { id: referral.id } }, staffB);
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(res.body)).not.toContain('Only for partner A');
    });

    it("lists a partner's referrals each with its own unread count", async () => {
      const referrals = [await referralToA(), await referralToA(), await referralToA()];
      await postAs(coordinator, referrals[1]!.id, 'one');
      await postAs(coordinator, referrals[2]!.id, 'one');
      await postAs(coordinator, referrals[2]!.id, 'two');
      const res = await cases.gql({ query: INCOMING }, staffA);
      expect(res.body.errors).toBeUndefined();
      const unread = new Map((res.body.data!.incomingReferrals.nodes as { id: string; messageThread: { unreadCount: number } }[]).map((n) => [n.id, n.messageThread.unreadCount]));
      expect(referrals.map((r) => unread.get(r.id))).toEqual([0, 1, 2]);
    });
  });
});

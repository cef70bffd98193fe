import { randomUUID } from 'node:crypto';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { gatewayAssertion, identityFor, postToSubgraph, type GraphqlBody } from '../support/trust';

// The referral workflow end to end through the gateway: cases, partners (holds, response records) and
// identity, on real PostgreSQL. Partner B never sees what was sent to partner A.

const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id reference } }`;
const SEND = `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { id state deadlineAt } }`;
const ACCEPT = `mutation ($id: ID!) { acceptReferral(id: $id) { id state respondedAt } }`;
const DECLINE = `mutation ($id: ID!, $reason: DeclineReason!, $text: String) { declineReferral(id: $id, reason: $reason, text: $text) { id state declineReason } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) { withdrawReferral(id: $id, reason: $reason) { id state reasonText } }`;
const INTAKE = `mutation ($id: ID!) { recordIntake(id: $id) { id state intakeAt } }`;
const CANCEL = `mutation ($id: ID!) { cancelReferral(id: $id) { id state } }`;
const CLOSE = `mutation ($id: ID!, $outcome: ReferralOutcome!, $text: String) { closeReferral(id: $id, outcome: $outcome, text: $text) { id state outcome } }`;
const REFERRAL = `query ($id: ID!) {
  referral(id: $id) {
    id state need organisation { id }
    case { reference urgency needs coordinator { id } }
    timeline { kind fromState toState reasonCode actor { id } actorOrganisation { id } }
  }
}`;
const INCOMING = `query ($states: [ReferralState!]) { incomingReferrals(states: $states, first: 100) { nodes { id state } hasNextPage } }`;
const CASE_WITH_REFERRALS = `query ($id: ID!) { case(id: $id) { id referrals { id state } timeline { kind } } }`;

let stack: Stack;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

async function as(user: TestUserKey, query: string, variables: Record<string, unknown> = {}) {
  return (await stack.graphql(query, variables, await tokenOf(user))).body;
}

/** A service of the organisation with a declared capacity, written straight into partners' tables. */
async function serviceOf(organisation: 'partnerA' | 'partnerB', type: string, totalSlots: number) {
  const service = await stack.dbs.partners.service.create({
    data: { organisationId: TEST_ORGANISATIONS[organisation].id, type: type as never, name: `Referral test ${randomUUID().slice(0, 8)}`, province: 'UTRECHT' },
  });
  await stack.dbs.partners.capacity.create({ data: { serviceId: service.id, totalSlots } });
  return service.id;
}
const heldSlots = async (serviceId: string) => (await stack.dbs.partners.capacity.findUniqueOrThrow({ where: { serviceId } })).heldSlots;

/** A case of the centre with a consent record covering the whole network for referral and care (written straight into consent's table). */
async function newCase(needs: string[] = ['SHELTER'], urgency = 'URGENT', consent = true): Promise<string> {
  const body = await as('coordinatorA', CREATE_CASE, { input: { urgency, needs } });
  if (body.errors) throw new Error(`createCase failed: ${JSON.stringify(body.errors)}`);
  const caseId = body.data.createCase.id as string;
  if (consent) await consentFor(caseId, { wholeNetwork: true });
  return caseId;
}

async function consentFor(caseId: string, recipients: { wholeNetwork: boolean; organisationIds?: string[] }) {
  await stack.dbs.consent.consentRecord.create({
    data: {
      recordId: randomUUID(),
      version: 1,
      caseId,
      legalBasis: 'CONSENT_GUARDIAN',
      categories: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
      wholeNetwork: recipients.wholeNetwork,
      recipientOrganisationIds: recipients.organisationIds ?? [],
      purposes: ['REFERRAL_CARE'],
      givenBy: 'GUARDIAN',
      givenHow: 'WRITTEN',
      recordedByUserId: TEST_USERS.coordinatorA.id,
      recordedByOrganisationId: TEST_ORGANISATIONS.centre.id,
      validFrom: new Date(Date.now() - 60_000),
    },
  });
}
async function send(caseId: string, serviceId: string): Promise<string> {
  const body = await as('coordinatorA', SEND, { input: { caseId, serviceId } });
  if (body.errors) throw new Error(`sendReferral failed: ${JSON.stringify(body.errors)}`);
  return body.data.sendReferral.id;
}

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('the referral workflow through the gateway', () => {
  it('runs sent → accepted → in care → closed, holding one slot while accepted or in care, with a timeline', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 2);
    const caseId = await newCase();
    const referralId = await send(caseId, service);
    expect(await heldSlots(service)).toBe(0);

    expect((await as('staffA', ACCEPT, { id: referralId })).data.acceptReferral.state).toBe('ACCEPTED');
    expect(await heldSlots(service)).toBe(1);
    expect((await as('adminA', INTAKE, { id: referralId })).data.recordIntake.state).toBe('IN_CARE');
    expect(await heldSlots(service)).toBe(1);
    const closed = await as('staffA', CLOSE, { id: referralId, outcome: 'COMPLETED' });
    expect(closed.data.closeReferral).toMatchObject({ state: 'CLOSED', outcome: 'COMPLETED' });
    expect(await heldSlots(service)).toBe(0);

    const seen = await as('coordinatorA', REFERRAL, { id: referralId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data.referral.timeline.map((e: { kind: string; fromState: string | null; toState: string }) => [e.kind, e.fromState, e.toState])).toEqual([
      ['REFERRAL_SENT', null, 'SENT'],
      ['REFERRAL_ACCEPTED', 'SENT', 'ACCEPTED'],
      ['REFERRAL_IN_CARE', 'ACCEPTED', 'IN_CARE'],
      ['REFERRAL_CLOSED', 'IN_CARE', 'CLOSED'],
    ]);
    expect(seen.data.referral.timeline[1]).toMatchObject({ actor: { id: TEST_USERS.staffA.id }, actorOrganisation: { id: TEST_ORGANISATIONS.partnerA.id } });
    // The answer reached partners' response record (matching).
    expect(await stack.dbs.partners.referralResponse.findUnique({ where: { referralId } })).toMatchObject({ outcome: 'ACCEPTED' });
  });

  it("withdraws the case's other pending referrals for the same need as placed elsewhere; that partner sees why", async () => {
    const serviceA = await serviceOf('partnerA', 'SHELTER', 3);
    const serviceB = await serviceOf('partnerB', 'SHELTER', 3);
    const otherNeed = await serviceOf('partnerB', 'MEDICAL_CARE', 3);
    const caseId = await newCase(['SHELTER', 'MEDICAL_CARE']);
    const toA = await send(caseId, serviceA);
    const toB = await send(caseId, serviceB);
    const medical = await send(caseId, otherNeed);

    await as('staffA', ACCEPT, { id: toA });
    const atB = await as('staffB', REFERRAL, { id: toB });
    expect(atB.data.referral.state).toBe('WITHDRAWN');
    expect(atB.data.referral.timeline.at(-1)).toMatchObject({ kind: 'REFERRAL_WITHDRAWN', reasonCode: 'PLACED_ELSEWHERE', actor: null, actorOrganisation: null });
    expect((await as('staffB', REFERRAL, { id: medical })).data.referral.state).toBe('SENT');
    expect(await heldSlots(serviceB)).toBe(0);
  });

  it('lets one of two partners accepting sibling referrals (same case, same need) at once win; the other is placed elsewhere', async () => {
    const serviceA = await serviceOf('partnerA', 'SHELTER', 3);
    const serviceB = await serviceOf('partnerB', 'SHELTER', 3);
    const caseId = await newCase();
    const toA = await send(caseId, serviceA);
    const toB = await send(caseId, serviceB);
    const [atA, atB] = await Promise.all([as('staffA', ACCEPT, { id: toA }), as('staffB', ACCEPT, { id: toB })]);
    const outcomes = [codes(atA)[0] ?? 'OK', codes(atB)[0] ?? 'OK'].sort();
    expect(outcomes).toEqual(['INVALID_TRANSITION', 'OK']);
    const states = (await stack.dbs.cases.referral.findMany({ where: { caseId }, orderBy: { state: 'asc' } })).map((r) => r.state).sort();
    expect(states).toEqual(['ACCEPTED', 'WITHDRAWN']);
    expect((await heldSlots(serviceA)) + (await heldSlots(serviceB))).toBe(1);
  });

  it('sets the response deadline by urgency (2 h, 24 h, 72 h by default)', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 3);
    for (const [urgency, hours] of [['IMMEDIATE', 2], ['URGENT', 24], ['STANDARD', 72]] as const) {
      const referralId = await send(await newCase(['SHELTER'], urgency), service);
      const row = await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: referralId } });
      expect((row.deadlineAt.getTime() - row.sentAt.getTime()) / 3_600_000).toBe(hours);
    }
  });

  it('gives back the slot when an accepted referral is withdrawn or cancelled, and never when a sent one is withdrawn', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 2);
    const first = await send(await newCase(), service);
    const second = await send(await newCase(), service);
    const third = await send(await newCase(), service);
    await as('staffA', ACCEPT, { id: first });
    await as('staffA', ACCEPT, { id: second });
    expect(await heldSlots(service)).toBe(2);
    expect((await as('coordinatorA', WITHDRAW, { id: first, reason: 'Client moved away' })).data.withdrawReferral.state).toBe('WITHDRAWN');
    expect((await as('staffA', CANCEL, { id: second })).data.cancelReferral.state).toBe('CANCELLED');
    expect(await heldSlots(service)).toBe(0);
    await as('coordinatorA', WITHDRAW, { id: third, reason: 'Placed with family' });
    expect(await heldSlots(service)).toBe(0);
  });

  it('refuses to accept a full service with CAPACITY_FULL and changes nothing', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 1);
    const first = await send(await newCase(), service);
    const second = await send(await newCase(), service);
    await as('staffA', ACCEPT, { id: first });
    const refused = await as('staffA', ACCEPT, { id: second });
    expect(codes(refused)).toEqual(['CAPACITY_FULL']);
    expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: second } })).state).toBe('SENT');
    expect(await stack.dbs.cases.timelineEvent.count({ where: { referralId: second } })).toBe(1);
  });

  it('lets one of two people pressing accept at once win; the other gets INVALID_TRANSITION; one slot held', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 5);
    const referralId = await send(await newCase(), service);
    const results = await Promise.all([as('staffA', ACCEPT, { id: referralId }), as('adminA', ACCEPT, { id: referralId })]);
    expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['INVALID_TRANSITION', 'OK']);
    expect(await heldSlots(service)).toBe(1);
    expect(await stack.dbs.cases.timelineEvent.count({ where: { referralId, kind: 'REFERRAL_ACCEPTED' } })).toBe(1);
  });

  it('sends at most one active referral per case and service, also when sent twice at once', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 5);
    const caseId = await newCase();
    const results = await Promise.all([1, 2, 3].map(() => as('coordinatorA', SEND, { input: { caseId, serviceId: service } })));
    expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
    expect(await stack.dbs.cases.referral.count({ where: { caseId, serviceId: service } })).toBe(1);
  });

  it('replays a send with the same idempotency key (also 5 at once) and refuses the key for another service', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 5);
    const other = await serviceOf('partnerA', 'SHELTER', 5);
    const caseId = await newCase();
    const SEND_KEYED = `mutation ($input: SendReferralInput!, $key: String) { sendReferral(input: $input, idempotencyKey: $key) { id } }`;
    const key = `send-${randomUUID()}`;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => as('coordinatorA', SEND_KEYED, { input: { caseId, serviceId: service }, key })));
    const ids = new Set(results.map((r) => r.data?.sendReferral?.id));
    expect([ids.size, [...ids][0]]).toEqual([1, expect.any(String)]);
    expect(results.flatMap((r) => codes(r))).toEqual([]);
    expect(codes(await as('coordinatorA', SEND_KEYED, { input: { caseId, serviceId: other }, key }))).toEqual(['CONFLICT']);
    expect(await stack.dbs.cases.referral.count({ where: { caseId } })).toBe(1);
  });

  it('checks reasons and states: decline needs a reason (OTHER needs words), withdraw needs words, no accept after decline', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 5);
    const referralId = await send(await newCase(), service);
    expect(codes(await as('staffA', DECLINE, { id: referralId, reason: 'OTHER' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await as('coordinatorA', WITHDRAW, { id: referralId, reason: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: referralId } })).state).toBe('SENT');
    expect((await as('staffA', DECLINE, { id: referralId, reason: 'NO_CAPACITY' })).data.declineReferral).toMatchObject({ state: 'DECLINED', declineReason: 'NO_CAPACITY' });
    expect(codes(await as('staffA', ACCEPT, { id: referralId }))).toEqual(['INVALID_TRANSITION']);
    expect(await stack.dbs.partners.referralResponse.findUnique({ where: { referralId } })).toMatchObject({ outcome: 'DECLINED' });
  });

  it('refuses to send to an organisation no consent covers (CONSENT_REQUIRED), and sends once one does', async () => {
    const service = await serviceOf('partnerA', 'SHELTER', 3);
    const caseId = await newCase(['SHELTER'], 'URGENT', false);
    await consentFor(caseId, { wholeNetwork: false, organisationIds: [TEST_ORGANISATIONS.partnerB.id] });
    expect(codes(await as('coordinatorA', SEND, { input: { caseId, serviceId: service } }))).toEqual(['CONSENT_REQUIRED']);
    expect(await stack.dbs.cases.referral.count({ where: { caseId } })).toBe(0);
    await consentFor(caseId, { wholeNetwork: false, organisationIds: [TEST_ORGANISATIONS.partnerA.id] });
    expect(codes(await as('coordinatorA', SEND, { input: { caseId, serviceId: service } }))).toEqual([]);
  });

  it('refuses a service that offers none of the case’s needs, and an unknown service, with BAD_USER_INPUT', async () => {
    const medical = await serviceOf('partnerA', 'MEDICAL_CARE', 5);
    const caseId = await newCase(['SHELTER']);
    expect(codes(await as('coordinatorA', SEND, { input: { caseId, serviceId: medical } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await as('coordinatorA', SEND, { input: { caseId, serviceId: randomUUID() } }))).toEqual(['BAD_USER_INPUT']);
    expect(await stack.dbs.cases.referral.count({ where: { caseId } })).toBe(0);
  });
});

describe('who sees and moves a referral', () => {
  let serviceA: string;
  let referralId: string;
  let caseId: string;
  beforeAll(async () => {
    serviceA = await serviceOf('partnerA', 'SHELTER', 5);
    caseId = await newCase();
    referralId = await send(caseId, serviceA);
  });

  it('shows partner A only the minimal facts of the case before accepting', async () => {
    const body = await as('staffA', REFERRAL, { id: referralId });
    expect(body.data.referral.case).toMatchObject({ urgency: 'URGENT', needs: ['SHELTER'], coordinator: null });
    expect(body.data.referral.case.reference).toMatch(/^HVN-/);
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });

  it.each([
    ['partner staff of B', 'staffB', 'NOT_FOUND'],
    ['a network admin', 'networkAdmin', 'FORBIDDEN'],
    ['an auditor', 'auditor', 'FORBIDDEN'],
  ] as const)('gives %s nothing of it: not by id, not in a list', async (_who, user, code) => {
    const byId = await as(user, REFERRAL, { id: referralId });
    expect(byId.data?.referral ?? null).toBeNull();
    expect(codes(byId)).toEqual([code]);
    const list = await as(user, INCOMING, {});
    expect(JSON.stringify(list.data ?? {})).not.toContain(referralId);
  });

  it("keeps the case's referral list and timeline from partners, even the receiving one", async () => {
    for (const user of ['staffA', 'staffB'] as const) {
      const body = await as(user, CASE_WITH_REFERRALS, { id: caseId });
      expect(body.data?.case ?? null).toBeNull();
      expect(JSON.stringify(body.data ?? {})).not.toContain(referralId);
    }
    const coordinator = await as('coordinatorA', CASE_WITH_REFERRALS, { id: caseId });
    expect(coordinator.data.case.referrals).toEqual([{ id: referralId, state: 'SENT' }]);
    expect(coordinator.data.case.timeline.map((e: { kind: string }) => e.kind)).toContain('REFERRAL_SENT');
  });

  it('lets partner A list it among incoming referrals', async () => {
    const list = await as('staffA', INCOMING, { states: ['SENT'] });
    expect(list.data.incomingReferrals.nodes).toContainEqual({ id: referralId, state: 'SENT' });
  });

  it('refuses partner B accepting or declining it (NOT_FOUND), and a coordinator accepting it (FORBIDDEN); nothing changes', async () => {
    expect(codes(await as('staffB', ACCEPT, { id: referralId }))).toEqual(['NOT_FOUND']);
    expect(codes(await as('staffB', DECLINE, { id: referralId, reason: 'NO_CAPACITY' }))).toEqual(['NOT_FOUND']);
    expect(codes(await as('coordinatorA', ACCEPT, { id: referralId }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('staffA', WITHDRAW, { id: referralId, reason: 'Not mine to withdraw' }))).toEqual(['FORBIDDEN']);
    expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: referralId } })).state).toBe('SENT');
    expect(await heldSlots(serviceA)).toBe(0);
  });

  it("keeps the message thread between the two sides: partner B can neither read nor post, A's staff can", async () => {
    const POST = `mutation ($id: ID!, $body: String!) { postMessage(referralId: $id, body: $body) { id } }`;
    const THREAD = `query ($id: ID!) { referral(id: $id) { messageThread { messages { nodes { body } } unreadCount } } }`;
    expect(codes(await as('coordinatorA', POST, { id: referralId, body: 'Intake morgen om tien uur?' }))).toEqual([]);
    expect(codes(await as('staffB', POST, { id: referralId, body: 'Niet van ons' }))).toEqual(['NOT_FOUND']);
    const atB = await as('staffB', THREAD, { id: referralId });
    expect([atB.data?.referral ?? null, codes(atB)]).toEqual([null, ['NOT_FOUND']]);
    const atA = await as('staffA', THREAD, { id: referralId });
    expect(atA.data.referral.messageThread).toEqual({ messages: { nodes: [{ body: 'Intake morgen om tien uur?' }] }, unreadCount: 1 });
    expect(await stack.dbs.cases.message.count({ where: { referralId } })).toBe(1);
  });

  describe('around the gateway (straight to the cases subgraph)', () => {
    const staffB = () =>
      identityFor(stack.keys, { subject: TEST_USERS.staffB.id, organisationId: TEST_ORGANISATIONS.partnerB.id, roles: ['PARTNER_STAFF'] });

    it("gives partner B's staff nothing even with a valid gateway assertion: not the referral, not the case by _entities", async () => {
      const identityToken = await staffB();
      const requests: GraphqlBody[] = [
        { query: REFERRAL, variables: { id: referralId } },
        { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id reference urgency } } }', variables: { r: [{ __typename: 'Case', id: caseId }] } },
        { query: ACCEPT, variables: { id: referralId } },
      ];
      const answers = [];
      for (const request of requests) {
        const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: request, identityToken });
        answers.push(await postToSubgraph(stack.subgraphUrls.cases, request, { assertion, identityToken }));
      }
      expect(answers[0]!.body?.data?.referral ?? null).toBeNull();
      expect(answers[1]!.body?.data?._entities).toEqual([null]);
      expect(answers[2]!.body?.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: referralId } })).state).toBe('SENT');
    });

    it("refuses partner A's own staff without a gateway assertion (401), and changes nothing", async () => {
      const identityToken = await identityFor(stack.keys, { subject: TEST_USERS.staffA.id, organisationId: TEST_ORGANISATIONS.partnerA.id, roles: ['PARTNER_STAFF'] });
      const res = await postToSubgraph(stack.subgraphUrls.cases, { query: ACCEPT, variables: { id: referralId } }, { identityToken });
      expect(res.status).toBe(401);
      expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: referralId } })).state).toBe('SENT');
    });
  });

  it('refuses an anonymous caller everything', async () => {
    const body = (await stack.graphql(REFERRAL, { id: referralId })).body;
    expect(body.data?.referral ?? null).toBeNull();
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
  });
});

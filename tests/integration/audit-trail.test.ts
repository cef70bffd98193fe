import { randomUUID } from 'node:crypto';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// The audit trail end to end, through the real gateway and every part: a coordinator's case creation and read
// of its personal data reach the auditor's search and the coordinating organisation's access log with who,
// in which role, which categories and on what basis; nobody else sees them; the chain stays whole; and no value
// of the person's data shows up in any part's log along the way.

const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const READ_CASE = `query ($id: ID!) { case(id: $id) { id personalData { identity { name } contact { phone } health { notes } withheld } } }`;
const AUDIT_EVENTS = `query ($filter: AuditEventFilter) {
  auditEvents(filter: $filter, first: 100) {
    nodes { action part requestId actorKind actorUserId actorOrganisation { id } actorRole caseId caseOrganisation { id } referralId
            subjectId categories purpose consentRecordId emergencyGrantId emergencyReason }
  }
}`;
const ACCESS_LOG = `query ($caseId: ID!) {
  caseAccessLog(caseId: $caseId) { nodes { action actorKind actorUser { id } actorOrganisation { id } actorRole categories purpose consentRecordId emergencyGrantId } }
}`;
const CHAIN = `{ auditChainStatus { ok events firstBrokenSeq reason } }`;
const UPDATE_CAPACITY = `mutation ($input: UpdateCapacityInput!) { updateCapacity(input: $input) { totalSlots } }`;

// Made-up values, recognisable if they leak into a log.
const NAME = 'Auditnaam Zeventien';
const PHONE = '+31 6 5555 0177';
const HEALTH = 'Auditnotitie over de gezondheid';

let stack: Stack;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const as = async (user: TestUserKey, query: string, variables: Record<string, unknown> = {}) =>
  (await stack.graphql(query, variables, await tokenOf(user))).body;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

let caseId: string;

beforeAll(async () => {
  stack = await startStack();
  const created = await as('coordinatorA', CREATE_CASE, {
    input: { urgency: 'URGENT', needs: ['SHELTER'], age: 22, personalData: { identity: { name: NAME }, contact: { phone: PHONE }, health: { notes: HEALTH } } },
  });
  expect(created.errors).toBeUndefined();
  caseId = created.data.createCase.id;
  const read = await as('coordinatorA', READ_CASE, { id: caseId });
  expect(read.errors).toBeUndefined();
  expect(read.data.case.personalData).toEqual({ identity: { name: NAME }, contact: { phone: PHONE }, health: { notes: HEALTH }, withheld: [] });
});
afterAll(async () => {
  await stack?.close();
});

describe('the audit trail through the gateway', () => {
  it("lists the case's creation and the coordinator's read of its personal data to the auditor, with actor, role and categories", async () => {
    const body = await as('auditor', AUDIT_EVENTS, { filter: { caseId } });
    expect(body.errors).toBeUndefined();
    const events = body.data.auditEvents.nodes as Record<string, any>[];
    const coordinator = {
      part: 'cases',
      actorKind: 'user',
      actorUserId: TEST_USERS.coordinatorA.id,
      actorOrganisation: { id: TEST_ORGANISATIONS.centre.id },
      actorRole: 'COORDINATOR',
      caseId,
      caseOrganisation: { id: TEST_ORGANISATIONS.centre.id },
    };
    const created = events.filter((e) => e.action === 'case.create');
    const reads = events.filter((e) => e.action === 'personal-data.read');
    expect(created).toEqual([expect.objectContaining({ ...coordinator, purpose: 'REFERRAL_CARE', referralId: null })]);
    // The coordinating organisation reads its own case: no consent or emergency basis is needed or named.
    expect(reads).toEqual([
      expect.objectContaining({ ...coordinator, purpose: 'REFERRAL_CARE', consentRecordId: null, emergencyGrantId: null, emergencyReason: null }),
    ]);
    // Only what the query asked for is opened and recorded: not CASE_NOTES, which it did not select.
    expect([...reads[0]!.categories].sort()).toEqual(['CONTACT', 'HEALTH', 'IDENTITY']);
    // Each request is its own: the id ties an event to the request that caused it.
    expect(created[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reads[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reads[0]!.requestId).not.toBe(created[0]!.requestId);
  });

  it("shows the read in the case's access log to the coordinators of its organisation", async () => {
    const expected = {
      action: 'personal-data.read',
      actorKind: 'user',
      actorUser: { id: TEST_USERS.coordinatorA.id },
      actorOrganisation: { id: TEST_ORGANISATIONS.centre.id },
      actorRole: 'COORDINATOR',
      purpose: 'REFERRAL_CARE',
      consentRecordId: null,
      emergencyGrantId: null,
    };
    for (const coordinator of ['coordinatorA', 'coordinatorB'] as const) {
      const body = await as(coordinator, ACCESS_LOG, { caseId });
      expect(body.errors).toBeUndefined();
      expect(body.data.caseAccessLog.nodes).toEqual([expect.objectContaining(expected)]);
    }
  });

  it('keeps both logs from everyone else: partner staff, network admin, and a coordinator asking for a case not theirs gets nothing', async () => {
    expect(codes(await as('staffB', ACCESS_LOG, { caseId }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('networkAdmin', ACCESS_LOG, { caseId }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('networkAdmin', AUDIT_EVENTS, { filter: { caseId } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('coordinatorA', AUDIT_EVENTS, { filter: { caseId } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('staffA', CHAIN))).toEqual(['FORBIDDEN']);
    const unknown = await as('coordinatorA', ACCESS_LOG, { caseId: randomUUID() });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.caseAccessLog.nodes).toEqual([]);
  });

  it('records a capacity change made through the gateway, with its request id, for the auditor', async () => {
    const service = await stack.dbs.partners.service.create({
      data: { organisationId: TEST_ORGANISATIONS.partnerA.id, type: 'SHELTER', name: `Audit trail ${randomUUID().slice(0, 8)}`, province: 'UTRECHT' },
    });
    const updated = await as('staffA', UPDATE_CAPACITY, { input: { serviceId: service.id, totalSlots: 3, paused: false, waitlistLength: 0 } });
    expect(updated.errors).toBeUndefined();
    const body = await as('auditor', AUDIT_EVENTS, { filter: { action: 'capacity.update', userId: TEST_USERS.staffA.id } });
    expect(body.errors).toBeUndefined();
    expect(body.data.auditEvents.nodes.filter((e: { subjectId: string }) => e.subjectId === service.id)).toEqual([
      expect.objectContaining({
        part: 'partners',
        actorKind: 'user',
        actorUserId: TEST_USERS.staffA.id,
        actorOrganisation: { id: TEST_ORGANISATIONS.partnerA.id },
        actorRole: 'PARTNER_STAFF',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    ]);
  });

  it('reports the chain whole to the auditor', async () => {
    const body = await as('auditor', CHAIN);
    expect(body.errors).toBeUndefined();
    expect(body.data.auditChainStatus).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(body.data.auditChainStatus.events).toBeGreaterThan(0);
  });

  it("wrote none of the person's data into any part's log", () => {
    expect(stack.logs.length).toBeGreaterThan(0);
    for (const value of [NAME, PHONE, HEALTH]) {
      expect(stack.logs.filter((line) => line.includes(value))).toEqual([]);
    }
  });
});

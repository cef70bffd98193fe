import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryLogger } from '@haven/kit/src/log';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { expireOverdueReferrals } from '@haven/cases/src/jobs/expire-referrals';
import { REFERRAL_ACTIONS } from '@haven/cases/src/domain/referrals/transitions';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Every state change of the cases service writes its audit event, with exactly the fields an auditor relies on:
// one table row per change, performed through the real gateway as the user who may make it, then the events that
// request wrote for the case read back from "audit"."AuditEvent" and compared field by field. A refused change
// writes nothing; no event carries a value of the person's data; and the table covers every action string the
// cases source writes, so a new state change without a row here fails.

const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const UPDATE_PERSONAL = `mutation ($caseId: ID!, $input: CasePersonalDataInput!) { updateCasePersonalData(caseId: $caseId, input: $input) { id } }`;
const SEND = `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptReferral(id: $id) { state } }`;
const DECLINE = `mutation ($id: ID!, $reason: DeclineReason!) { declineReferral(id: $id, reason: $reason) { state } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) { withdrawReferral(id: $id, reason: $reason) { state } }`;
const INTAKE = `mutation ($id: ID!) { recordIntake(id: $id) { state } }`;
const CANCEL = `mutation ($id: ID!) { cancelReferral(id: $id) { state } }`;
const CLOSE_REFERRAL = `mutation ($id: ID!, $outcome: ReferralOutcome!) { closeReferral(id: $id, outcome: $outcome) { state } }`;
const HAND_OVER = `mutation ($caseId: ID!, $toUserId: ID!) { handOverCase(caseId: $caseId, toUserId: $toUserId) { coordinator { id } } }`;
const CLOSE_CASE = `mutation ($caseId: ID!) { closeCase(caseId: $caseId) { status } }`;
const POST = `mutation ($id: ID!, $body: String!) { postMessage(referralId: $id, body: $body) { id } }`;
const THREAD = `query ($id: ID!) { referral(id: $id) { messageThread { messages { nodes { body } } } } }`;
const MARK_READ = `mutation ($id: ID!) { markMessagesRead(referralId: $id) { side } }`;
const GRANT = `mutation ($input: GrantEmergencyAccessInput!) { grantEmergencyAccess(input: $input) { id } }`;
const CONTACT_VIA_REFERRAL = `query ($id: ID!) { referral(id: $id) { case { personalData { contact { phone } } } } }`;
const IDENTITY_CONTACT_VIA_REFERRAL = `query ($id: ID!) { referral(id: $id) { case { personalData { identity { name } contact { phone } } } } }`;

// Made-up values, recognisable if one ever lands in an audit event.
const NAME = 'Auditrij Negentien';
const BIRTH_DATE = '2004-03-17';
const PHONE = '+31 6 5555 0199';
const HEALTH = 'Gezondheidsnotitie audittabel';
const NOTES = 'Dossiernotitie audittabel';
const MESSAGE = 'Berichttekst audittabel intake';
const PERSONAL_VALUES = [NAME, BIRTH_DATE, PHONE, HEALTH, NOTES, MESSAGE];
// Not personal data: the coordinator's words on why consent cannot wait (auditors read them in the event).
const EMERGENCY_REASON = 'Acute medical situation, consent cannot be asked now';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CENTRE = TEST_ORGANISATIONS.centre.id;

let stack: Stack;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

/** One operation through the gateway as `user`; fails the row when the gateway answers with an error. */
async function as(user: TestUserKey, query: string, variables: Record<string, unknown> = {}) {
  const body = (await stack.graphql(query, variables, await tokenOf(user))).body;
  if (body.errors) throw new Error(`${user}: ${JSON.stringify(body.errors.map((e) => e.extensions?.code))}`);
  return body.data;
}

async function serviceOf(organisation: 'partnerA' | 'partnerB', totalSlots: number): Promise<string> {
  const service = await stack.dbs.partners.service.create({
    data: { organisationId: TEST_ORGANISATIONS[organisation].id, type: 'SHELTER', name: `Audit table ${randomUUID().slice(0, 8)}`, province: 'UTRECHT' },
  });
  await stack.dbs.partners.capacity.create({ data: { serviceId: service.id, totalSlots } });
  return service.id;
}

/** Consent for the whole network (written straight into consent's table: no cases event); returns the version's row id. */
async function consentFor(caseId: string): Promise<string> {
  const row = await stack.dbs.consent.consentRecord.create({
    data: {
      recordId: randomUUID(),
      version: 1,
      caseId,
      legalBasis: 'CONSENT_GUARDIAN',
      categories: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
      wholeNetwork: true,
      recipientOrganisationIds: [],
      purposes: ['REFERRAL_CARE'],
      givenBy: 'GUARDIAN',
      givenHow: 'WRITTEN',
      recordedByUserId: TEST_USERS.coordinatorA.id,
      recordedByOrganisationId: CENTRE,
      validFrom: new Date(Date.now() - 60_000),
    },
  });
  return row.id;
}

async function newCase(): Promise<string> {
  const caseId = (await as('coordinatorA', CREATE_CASE, { input: { urgency: 'URGENT', needs: ['SHELTER'] } })).createCase.id as string;
  await consentFor(caseId);
  return caseId;
}
const send = async (caseId: string, serviceId: string): Promise<string> => (await as('coordinatorA', SEND, { input: { caseId, serviceId } })).sendReferral.id;

// ---- reading the trail back ----------------------------------------------------------------------------------

interface EventRow {
  seq: string;
  action: string;
  part: string;
  requestId: string | null;
  actorKind: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRole: string | null;
  onBehalfOfOrganisationId: string | null;
  caseId: string | null;
  caseOrganisationId: string | null;
  referralId: string | null;
  subjectId: string | null;
  categories: string[];
  purpose: string | null;
  consentRecordId: string | null;
  emergencyGrantId: string | null;
  emergencyReason: string | null;
  json: string;
}

async function lastSeq(): Promise<string> {
  const [row] = await stack.dbs.identity.$queryRaw<{ seq: string }[]>`SELECT coalesce(max("seq"), 0)::text AS "seq" FROM "audit"."AuditEvent"`;
  return row!.seq;
}

/** The events of `caseIds` after `afterSeq`, oldest first; categories sorted (a set), uuids as text. */
async function eventsOf(caseIds: string[], afterSeq = '0'): Promise<EventRow[]> {
  return stack.dbs.identity.$queryRaw<EventRow[]>`
    SELECT e."seq"::text AS "seq", e."action", e."part", e."requestId", e."actorKind", e."actorUserId"::text AS "actorUserId",
           e."actorOrganisationId"::text AS "actorOrganisationId", e."actorRole",
           e."onBehalfOfOrganisationId"::text AS "onBehalfOfOrganisationId", e."caseId"::text AS "caseId",
           e."caseOrganisationId"::text AS "caseOrganisationId", e."referralId"::text AS "referralId", e."subjectId"::text AS "subjectId",
           ARRAY(SELECT c FROM unnest(e."categories") AS c ORDER BY c) AS "categories", e."purpose",
           e."consentRecordId"::text AS "consentRecordId", e."emergencyGrantId"::text AS "emergencyGrantId", e."emergencyReason",
           row_to_json(e)::text AS "json"
      FROM "audit"."AuditEvent" e
     WHERE e."caseId" = ANY(${caseIds}::uuid[]) AND e."seq" > ${afterSeq}::bigint
     ORDER BY e."seq"`;
}

// ---- what an event should say ---------------------------------------------------------------------------------

type Actor = Pick<EventRow, 'actorKind' | 'actorUserId' | 'actorOrganisationId' | 'actorRole'>;
const user = (key: TestUserKey): Actor => {
  const { id, memberships } = TEST_USERS[key];
  const [membership] = memberships;
  return { actorKind: 'user', actorUserId: id, actorOrganisationId: TEST_ORGANISATIONS[membership.organisation].id, actorRole: membership.role };
};
const SYSTEM: Actor = { actorKind: 'system', actorUserId: null, actorOrganisationId: null, actorRole: null };

type Expected = Omit<EventRow, 'seq' | 'json' | 'requestId'> & { requestId: unknown };
type Subject = Partial<Omit<Expected, 'action' | 'part' | keyof Actor>> & { caseId: string };

/** Every column spelled out: whatever the subject does not name must be null (or no categories). */
function event(action: string, actor: Actor, subject: Subject): Expected {
  return {
    action,
    part: 'cases',
    requestId: expect.stringMatching(UUID),
    ...actor,
    onBehalfOfOrganisationId: null,
    caseOrganisationId: CENTRE,
    referralId: null,
    subjectId: null,
    categories: [],
    purpose: 'REFERRAL_CARE',
    consentRecordId: null,
    emergencyGrantId: null,
    emergencyReason: null,
    ...subject,
  };
}

// ---- the world the rows act on --------------------------------------------------------------------------------

const w = {} as {
  serviceA: string;
  serviceB: string;
  main: string;
  consentVersion: string;
  toA: string;
  toB: string;
  grantId: string;
  declineCase: string;
  toDecline: string;
  withdrawCase: string;
  toWithdraw: string;
  cancelCase: string;
  toCancel: string;
  expireCase: string;
  toExpire: string;
};

interface Row {
  /** The action the row is about (a label; what is covered is every action in `expect`). */
  action: string;
  /** Performs the change through the gateway (or the job, for expiry) as whoever may make it. */
  how: () => Promise<void>;
  /** The case whose trail the row reads. */
  caseId: () => string;
  /** Every event the change wrote for that case, in order, exactly. */
  expect: () => Expected[];
}

const ROWS: Row[] = [
  {
    action: 'case.create',
    how: async () => {
      const input = {
        urgency: 'URGENT',
        needs: ['SHELTER'],
        personalData: { identity: { name: NAME, birthDate: BIRTH_DATE }, contact: { phone: PHONE }, health: { notes: HEALTH } },
      };
      w.main = (await as('coordinatorA', CREATE_CASE, { input })).createCase.id;
      w.consentVersion = await consentFor(w.main);
    },
    caseId: () => w.main,
    expect: () => [
      event('case.create', user('coordinatorA'), { caseId: w.main }),
      event('personal-data.write', user('coordinatorA'), { caseId: w.main, categories: ['CONTACT', 'HEALTH', 'IDENTITY'] }),
    ],
  },
  {
    action: 'personal-data.write',
    how: async () => {
      await as('coordinatorA', UPDATE_PERSONAL, { caseId: w.main, input: { caseNotes: { notes: NOTES } } });
    },
    caseId: () => w.main,
    expect: () => [event('personal-data.write', user('coordinatorA'), { caseId: w.main, categories: ['CASE_NOTES'] })],
  },
  {
    action: 'referral.send',
    how: async () => {
      w.toA = await send(w.main, w.serviceA);
    },
    caseId: () => w.main,
    // The basis that allowed sharing the case with partner A: the consent record version's row id.
    expect: () => [event('referral.send', user('coordinatorA'), { caseId: w.main, referralId: w.toA, consentRecordId: w.consentVersion })],
  },
  {
    action: 'referral.send',
    how: async () => {
      w.toB = await send(w.main, w.serviceB);
    },
    caseId: () => w.main,
    expect: () => [event('referral.send', user('coordinatorA'), { caseId: w.main, referralId: w.toB, consentRecordId: w.consentVersion })],
  },
  {
    action: 'emergency-access.grant',
    how: async () => {
      const input = { caseId: w.main, organisationId: TEST_ORGANISATIONS.partnerB.id, category: 'CONTACT', reason: EMERGENCY_REASON };
      w.grantId = (await as('coordinatorA', GRANT, { input })).grantEmergencyAccess.id;
    },
    caseId: () => w.main,
    expect: () => [
      event('emergency-access.grant', user('coordinatorA'), {
        caseId: w.main,
        categories: ['CONTACT'],
        onBehalfOfOrganisationId: TEST_ORGANISATIONS.partnerB.id,
        emergencyGrantId: w.grantId,
        emergencyReason: EMERGENCY_REASON,
      }),
    ],
  },
  {
    action: 'personal-data.read',
    how: async () => {
      // Partner B has not accepted: only the emergency grant opens the contact data.
      const data = await as('staffB', CONTACT_VIA_REFERRAL, { id: w.toB });
      expect(data.referral.case.personalData.contact).toEqual({ phone: PHONE });
    },
    caseId: () => w.main,
    expect: () => [
      event('personal-data.read', user('staffB'), { caseId: w.main, categories: ['CONTACT'], emergencyGrantId: w.grantId, emergencyReason: EMERGENCY_REASON }),
    ],
  },
  {
    action: 'referral.accept',
    how: async () => {
      await as('staffA', ACCEPT, { id: w.toA });
    },
    caseId: () => w.main,
    // Partner B's pending referral for the same need is withdrawn by the system in the same request.
    expect: () => [
      event('referral.accept', user('staffA'), { caseId: w.main, referralId: w.toA }),
      event('referral.withdraw-placed-elsewhere', SYSTEM, { caseId: w.main, referralId: w.toB }),
    ],
  },
  {
    action: 'referral.decline (refused: already accepted)',
    how: async () => {
      const body = (await stack.graphql(DECLINE, { id: w.toA, reason: 'NO_CAPACITY' }, await tokenOf('staffA'))).body;
      expect(codes(body)).toEqual(['INVALID_TRANSITION']);
    },
    caseId: () => w.main,
    expect: () => [],
  },
  {
    action: 'personal-data.read',
    how: async () => {
      const data = await as('staffA', IDENTITY_CONTACT_VIA_REFERRAL, { id: w.toA });
      expect(data.referral.case.personalData).toEqual({ identity: { name: NAME }, contact: { phone: PHONE } });
    },
    caseId: () => w.main,
    expect: () => [event('personal-data.read', user('staffA'), { caseId: w.main, categories: ['CONTACT', 'IDENTITY'], consentRecordId: w.consentVersion })],
  },
  {
    action: 'message.post',
    how: async () => {
      await as('coordinatorA', POST, { id: w.toA, body: MESSAGE });
    },
    caseId: () => w.main,
    expect: () => [event('message.post', user('coordinatorA'), { caseId: w.main, referralId: w.toA })],
  },
  {
    action: 'message.read',
    how: async () => {
      const data = await as('staffA', THREAD, { id: w.toA });
      expect(data.referral.messageThread.messages.nodes).toEqual([{ body: MESSAGE }]);
    },
    caseId: () => w.main,
    expect: () => [event('message.read', user('staffA'), { caseId: w.main, referralId: w.toA })],
  },
  {
    action: 'message.mark-read',
    how: async () => {
      await as('staffA', MARK_READ, { id: w.toA });
    },
    caseId: () => w.main,
    expect: () => [event('message.mark-read', user('staffA'), { caseId: w.main, referralId: w.toA })],
  },
  {
    action: 'referral.record-intake',
    how: async () => {
      await as('staffA', INTAKE, { id: w.toA });
    },
    caseId: () => w.main,
    expect: () => [event('referral.record-intake', user('staffA'), { caseId: w.main, referralId: w.toA })],
  },
  {
    action: 'referral.close',
    how: async () => {
      await as('staffA', CLOSE_REFERRAL, { id: w.toA, outcome: 'COMPLETED' });
    },
    caseId: () => w.main,
    expect: () => [event('referral.close', user('staffA'), { caseId: w.main, referralId: w.toA })],
  },
  {
    action: 'case.hand-over',
    how: async () => {
      await as('coordinatorA', HAND_OVER, { caseId: w.main, toUserId: TEST_USERS.coordinatorB.id });
    },
    caseId: () => w.main,
    expect: () => [event('case.hand-over', user('coordinatorA'), { caseId: w.main })],
  },
  {
    action: 'case.close',
    how: async () => {
      await as('coordinatorB', CLOSE_CASE, { caseId: w.main });
    },
    caseId: () => w.main,
    expect: () => [event('case.close', user('coordinatorB'), { caseId: w.main })],
  },
  {
    action: 'referral.decline',
    how: async () => {
      await as('staffA', DECLINE, { id: w.toDecline, reason: 'NO_CAPACITY' });
    },
    caseId: () => w.declineCase,
    expect: () => [event('referral.decline', user('staffA'), { caseId: w.declineCase, referralId: w.toDecline })],
  },
  {
    action: 'referral.withdraw',
    how: async () => {
      await as('coordinatorA', WITHDRAW, { id: w.toWithdraw, reason: 'No longer needed' });
    },
    caseId: () => w.withdrawCase,
    expect: () => [event('referral.withdraw', user('coordinatorA'), { caseId: w.withdrawCase, referralId: w.toWithdraw })],
  },
  {
    action: 'referral.cancel',
    how: async () => {
      await as('staffA', CANCEL, { id: w.toCancel });
    },
    caseId: () => w.cancelCase,
    expect: () => [event('referral.cancel', user('staffA'), { caseId: w.cancelCase, referralId: w.toCancel })],
  },
  {
    action: 'referral.expire',
    how: async () => {
      const now = Date.now();
      await stack.dbs.cases.referral.update({ where: { id: w.toExpire }, data: { sentAt: new Date(now - 2 * 3_600_000), deadlineAt: new Date(now - 3_600_000) } });
      const call = { keys: partKeysFromSet(stack.keys, 'cases'), partnersUrl: stack.subgraphUrls.partners, identityToken: null, log: createMemoryLogger() };
      // Only this case: the run's database is shared, and other files keep overdue referrals on purpose.
      expect(await expireOverdueReferrals(stack.dbs.cases, call, { caseIds: [w.expireCase] })).toBe(1);
      expect((await stack.dbs.cases.referral.findUniqueOrThrow({ where: { id: w.toExpire } })).state).toBe('EXPIRED');
    },
    caseId: () => w.expireCase,
    // A job acts for nobody; its round's id stands in for the request id.
    expect: () => [event('referral.expire', SYSTEM, { caseId: w.expireCase, referralId: w.toExpire })],
  },
];

// ---- the actions the cases source writes ----------------------------------------------------------------------

const CASES_SRC = join(__dirname, '..', '..', 'services', 'cases', 'src');
const ACTION_LITERAL = /['"`]((?:referral|case|message|personal-data|emergency-access)\.[a-z-]*)(\$\{)?/g;
// The one computed action: transitionReferral names the event after the ReferralAction it performs.
const COMPUTED_REFERRAL_ACTION = "`referral.${action.toLowerCase().replace('_', '-')}`";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function actionsInSource(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(CASES_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(ACTION_LITERAL)) {
      if (!match[2]) {
        found.add(match[1]!);
        continue;
      }
      // A template literal: only the known computed form is understood; anything else must get a row of its own.
      if (text.slice(match.index).startsWith(COMPUTED_REFERRAL_ACTION)) {
        for (const action of REFERRAL_ACTIONS) found.add(`referral.${action.toLowerCase().replace('_', '-')}`);
      } else {
        found.add(`unknown computed action in ${file.slice(CASES_SRC.length + 1)}: ${text.slice(match.index, match.index + 60)}`);
      }
    }
  }
  return found;
}

// ---- the test ------------------------------------------------------------------------------------------------

beforeAll(async () => {
  stack = await startStack();
  w.serviceA = await serviceOf('partnerA', 5);
  w.serviceB = await serviceOf('partnerB', 5);
  // The other transitions each on a case of their own (their setup events are not the rows' business).
  w.declineCase = await newCase();
  w.toDecline = await send(w.declineCase, w.serviceA);
  w.withdrawCase = await newCase();
  w.toWithdraw = await send(w.withdrawCase, w.serviceA);
  w.cancelCase = await newCase();
  w.toCancel = await send(w.cancelCase, w.serviceA);
  await as('staffA', ACCEPT, { id: w.toCancel });
  w.expireCase = await newCase();
  w.toExpire = await send(w.expireCase, w.serviceA);
}, 30_000);
afterAll(async () => {
  await stack?.close();
});

describe('every state change of the cases service writes its audit event', () => {
  it.each(ROWS.map((row) => [row.action, row] as const))('%s', async (_label, row) => {
    const before = await lastSeq();
    await row.how();
    const events = await eventsOf([row.caseId()], before);
    expect(events.map(({ seq: _seq, json: _json, ...fields }) => fields)).toEqual(row.expect());
    // The events of one change come from one request.
    expect(new Set(events.map((e) => e.requestId)).size).toBeLessThanOrEqual(1);
  });

  it("gives every event of the test's cases a request id (the expiry job: its round's id) and no personal-data value", async () => {
    const events = await eventsOf([w.main, w.declineCase, w.withdrawCase, w.cancelCase, w.expireCase]);
    expect(events.length).toBeGreaterThanOrEqual(ROWS.length);
    expect(events.filter((e) => !UUID.test(e.requestId ?? '')).map((e) => e.action)).toEqual([]);
    for (const value of PERSONAL_VALUES) {
      expect(events.filter((e) => e.json.includes(value)).map((e) => e.action)).toEqual([]);
    }
  });

  it('covers every audit action the cases source writes, and no other', () => {
    const covered = new Set(ROWS.flatMap((row) => row.expect().map((e) => e.action)));
    expect([...covered].sort()).toEqual([...actionsInSource()].sort());
  });
});

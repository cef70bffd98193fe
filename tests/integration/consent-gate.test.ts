import { randomUUID } from 'node:crypto';
import { createMemoryLogger } from '@haven/kit/src/log';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { createCasesServer } from '@haven/cases/src/server';
import { testCasesSettings } from '@haven/cases/src/test-settings';
import type { RunningServer } from '@haven/kit/src/http/apollo-http';
import { TEST_ORGANISATIONS, TEST_USERS, type TestUserKey } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { gatewayAssertion, identityFor, postToSubgraph } from '../support/trust';

// Consent decides what a partner sees of a person, asked anew on every request, through the real gateway,
// cases and consent: nothing before accepting, the consented categories after, a withdrawal on the very next
// request; and when consent cannot answer, everything is withheld without failing the page.

const CREATE_CASE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const RECORD = `mutation ($caseId: ID!, $input: ConsentInput!) { recordConsent(caseId: $caseId, input: $input) { id recordId version } }`;
const WITHDRAW = `mutation ($recordId: ID!, $scope: ConsentWithdrawalScopeInput) { withdrawConsent(recordId: $recordId, scope: $scope) { id version status } }`;
const SEND = `mutation ($input: SendReferralInput!) { sendReferral(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!) { acceptReferral(id: $id) { state } }`;
const PERSONAL = `query ($id: ID!) {
  referral(id: $id) { case { reference personalData { identity { name } contact { phone } health { notes } caseNotes { notes } withheld } } }
}`;

// Made-up values, recognisable in logs.
const NAME = 'Testnaam Vijftien';
const PHONE = '+31 6 5555 0101';
const HEALTH = 'Gezondheidsnotitie voor de test';

let stack: Stack;
const tokens: Partial<Record<TestUserKey, string>> = {};
const tokenOf = async (user: TestUserKey) => (tokens[user] ??= await stack.login(TEST_USERS[user].email));
const as = async (user: TestUserKey, query: string, variables: Record<string, unknown>) => (await stack.graphql(query, variables, await tokenOf(user))).body;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

let caseId: string;
let recordId: string;
let recordVersionId: string;
let referralId: string;

beforeAll(async () => {
  stack = await startStack();
  const service = await stack.dbs.partners.service.create({
    data: { organisationId: TEST_ORGANISATIONS.partnerA.id, type: 'SHELTER', name: `Consent gate ${randomUUID().slice(0, 8)}`, province: 'UTRECHT' },
  });
  await stack.dbs.partners.capacity.create({ data: { serviceId: service.id, totalSlots: 3 } });
  const created = await as('coordinatorA', CREATE_CASE, {
    input: { urgency: 'URGENT', needs: ['SHELTER'], age: 19, personalData: { identity: { name: NAME }, contact: { phone: PHONE }, health: { notes: HEALTH } } },
  });
  caseId = created.data.createCase.id;

  // Before any consent, the case cannot even be sent to partner A.
  const refused = await as('coordinatorA', SEND, { input: { caseId, serviceId: service.id } });
  expect(codes(refused)).toEqual(['CONSENT_REQUIRED']);

  const recorded = await as('coordinatorA', RECORD, {
    caseId,
    input: {
      legalBasis: 'CONSENT_CLIENT',
      categories: ['IDENTITY', 'CONTACT'],
      recipientOrganisationIds: [TEST_ORGANISATIONS.partnerA.id],
      purposes: ['REFERRAL_CARE'],
      givenBy: 'CLIENT',
      givenHow: 'VERBAL',
    },
  });
  expect(recorded.errors).toBeUndefined();
  ({ recordId, id: recordVersionId } = recorded.data.recordConsent);
  referralId = (await as('coordinatorA', SEND, { input: { caseId, serviceId: service.id } })).data.sendReferral.id;
});
afterAll(async () => {
  await stack?.close();
});

describe('consent gates personal data at the API', () => {
  it('shows partner A none of it before accepting, and only the consented categories after', async () => {
    const before = await as('staffA', PERSONAL, { id: referralId });
    expect(before.data.referral.case.personalData).toEqual({
      identity: null,
      contact: null,
      health: null,
      caseNotes: null,
      withheld: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
    });
    expect((await as('staffA', ACCEPT, { id: referralId })).data.acceptReferral.state).toBe('ACCEPTED');
    const after = await as('staffA', PERSONAL, { id: referralId });
    expect(after.errors).toBeUndefined();
    expect(after.data.referral.case.personalData).toEqual({
      identity: { name: NAME },
      contact: { phone: PHONE },
      health: null,
      caseNotes: null,
      withheld: ['HEALTH', 'CASE_NOTES'],
    });
  });

  it('records each read in the audit trail with the consent record version that allowed it', async () => {
    const rows = await stack.dbs.identity.$queryRaw<{ categories: string[]; consentRecordId: string | null; actorUserId: string }[]>`
      SELECT "categories", "consentRecordId"::text AS "consentRecordId", "actorUserId"::text AS "actorUserId"
        FROM "audit"."AuditEvent" WHERE "caseId" = ${caseId}::uuid AND "action" = 'personal-data.read' AND "actorOrganisationId" = ${TEST_ORGANISATIONS.partnerA.id}::uuid`;
    expect(rows).toContainEqual({ categories: ['IDENTITY', 'CONTACT'], consentRecordId: recordVersionId, actorUserId: TEST_USERS.staffA.id });
  });

  it('applies a withdrawal on the very next request', async () => {
    const withdrawn = await as('coordinatorA', WITHDRAW, { recordId, scope: { categories: ['CONTACT'] } });
    expect(withdrawn.errors).toBeUndefined();
    const next = await as('staffA', PERSONAL, { id: referralId });
    expect(next.data.referral.case.personalData).toMatchObject({ identity: { name: NAME }, contact: null, withheld: ['CONTACT', 'HEALTH', 'CASE_NOTES'] });
    await as('coordinatorA', WITHDRAW, { recordId });
    const none = await as('staffA', PERSONAL, { id: referralId });
    expect(none.data.referral.case.personalData.withheld).toEqual(['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES']);
  });

  it('keeps the coordinating organisation reading its own case whatever consent says', async () => {
    const own = await as('coordinatorA', `query ($id: ID!) { case(id: $id) { personalData { identity { name } health { notes } withheld } } }`, { id: caseId });
    expect(own.data.case.personalData).toEqual({ identity: { name: NAME }, health: { notes: HEALTH }, withheld: [] });
  });

  it('withholds everything, marked, without an error, when the consent service cannot answer (fail closed)', async () => {
    // A second cases instance on the same database whose consent service is unreachable.
    await as('coordinatorA', RECORD, {
      caseId,
      input: { legalBasis: 'CONSENT_CLIENT', categories: ['IDENTITY'], recipientOrganisationIds: [TEST_ORGANISATIONS.partnerA.id], purposes: ['REFERRAL_CARE'], givenBy: 'CLIENT', givenHow: 'VERBAL' },
    });
    expect((await as('staffA', PERSONAL, { id: referralId })).data.referral.case.personalData.identity).toEqual({ name: NAME });
    let blind: RunningServer | undefined;
    try {
      blind = await createCasesServer({
        db: stack.dbs.cases,
        keys: partKeysFromSet(stack.keys, 'cases'),
        log: createMemoryLogger(),
        introspection: false,
        settings: testCasesSettings({ partnersUrl: stack.subgraphUrls.partners, identityUrl: stack.subgraphUrls.identity, consentUrl: 'http://127.0.0.1:9/graphql' }),
      }).listen(0, '127.0.0.1');
      const identityToken = await identityFor(stack.keys, { subject: TEST_USERS.staffA.id, organisationId: TEST_ORGANISATIONS.partnerA.id, roles: ['PARTNER_STAFF'] });
      const request = { query: PERSONAL, variables: { id: referralId } };
      const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: request, identityToken });
      const res = await postToSubgraph(blind.url, request, { assertion, identityToken });
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.referral.case.personalData).toEqual({
        identity: null,
        contact: null,
        health: null,
        caseNotes: null,
        withheld: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
      });
    } finally {
      await blind?.close();
    }
  });

  it('never writes a personal data value to any log', () => {
    const logs = stack.logs.join('\n');
    for (const value of [NAME, PHONE, HEALTH]) expect(logs).not.toContain(value);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, parse, print, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { newCaseReference } from '@haven/cases/src/domain/create-case';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// Issue 7 in the real workflow: a subgraph that is down costs a portal page only its own part. The pages'
// own operations are read from web/src/lib/operations (as the portal sends them) and run with partners,
// then consent, stopped: the referrals and cases must still come back, the missing part null, with a masked error.

const OPERATIONS_DIR = resolve(__dirname, '../../web/src/lib/operations');

/** The named portal operation as the portal sends it (gql.tada's client-only @_unmask dropped). */
function portalOperation(name: string): string {
  for (const file of readdirSync(OPERATIONS_DIR).filter((entry) => entry.endsWith('.ts'))) {
    for (const match of readFileSync(join(OPERATIONS_DIR, file), 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)) {
      const document: DocumentNode = parse(match[1]!);
      const operation = document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION);
      if (operation?.name?.value !== name) continue;
      if (document.definitions.some((node) => node.kind === Kind.FRAGMENT_DEFINITION) || match[1]!.includes('...')) {
        throw new Error(`${name} spreads fragments; this test sends single documents only`);
      }
      return print(visit(document, { Directive: (node) => (node.name.value === '_unmask' ? null : undefined) }));
    }
  }
  throw new Error(`no portal operation named ${name}`);
}

const INBOX = portalOperation('PortalIncomingReferrals');
const PARTNER_REFERRAL = portalOperation('PortalIncomingReferral');
const DASHBOARD = portalOperation('PortalCoordinatorDashboard');
const CASE = portalOperation('PortalCase');
const COORDINATOR_REFERRAL = portalOperation('PortalCoordinatorReferral');

type PageError = { message: string; path?: unknown; extensions?: Record<string, unknown> };
const SERVICE_NAME = 'Subgraph-down test shelter';

/** A case of the centre with one overdue SENT referral to a service of partner A, made straight in the databases. */
async function arrangeReferral(stack: Stack) {
  const service = await stack.dbs.partners.service.create({
    data: { organisationId: TEST_ORGANISATIONS.partnerA.id, type: 'SHELTER', name: SERVICE_NAME, province: 'UTRECHT' },
  });
  const kase = await stack.dbs.cases.case.create({
    data: {
      reference: newCaseReference(),
      urgency: 'IMMEDIATE',
      needs: ['SHELTER'],
      coordinatingOrganisationId: TEST_ORGANISATIONS.centre.id,
      coordinatorUserId: TEST_USERS.coordinatorA.id,
    },
  });
  const referral = await stack.dbs.cases.referral.create({
    data: {
      caseId: kase.id,
      serviceId: service.id,
      need: 'SHELTER',
      organisationId: TEST_ORGANISATIONS.partnerA.id,
      coordinatingOrganisationId: TEST_ORGANISATIONS.centre.id,
      sentByUserId: TEST_USERS.coordinatorA.id,
      // Overdue, and earlier than any other file's referrals, so it is on the first page of every list.
      deadlineAt: new Date(Date.now() - 2 * 365 * 86_400_000),
    },
  });
  return { caseId: kase.id, referralId: referral.id, reference: kase.reference };
}

/**
 * A stack of its own (a stopped subgraph stays stopped), the arranged referral, and both sides signed in
 * while everything is up. `ask` sends one operation as the portal does and returns data, errors and request id.
 */
function pagesStack() {
  const context = {} as {
    stack: Stack;
    ids: Awaited<ReturnType<typeof arrangeReferral>>;
    partner: string;
    coordinator: string;
  };
  beforeAll(async () => {
    context.stack = await startStack();
    context.ids = await arrangeReferral(context.stack);
    context.partner = await context.stack.login(TEST_USERS.staffA.email);
    context.coordinator = await context.stack.login(TEST_USERS.coordinatorA.email);
  });
  afterAll(() => context.stack?.close());
  const ask = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { status, body, headers } = await context.stack.graphql(query, variables, token);
    expect(status).toBe(200);
    return { data: body.data, errors: body.errors as PageError[] | undefined, requestId: headers.get('x-request-id') };
  };
  return { context, ask };
}

/**
 * Masked, as the gateway reports a part that is down: a code and the request id, nothing about which part or
 * where — and once, even when the operation fetched from the stopped part more than once (the dashboard's two
 * lists): one outage is one error.
 */
function expectMaskedFailure(errors: PageError[] | undefined, requestId: string | null) {
  expect(requestId).toEqual(expect.any(String));
  expect(errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);
}

const byId = (nodes: { id: string }[], id: string) => nodes.find((node) => node.id === id);

describe('with the directory (partners) down, the pages keep their referrals and cases', () => {
  const { context, ask } = pagesStack();

  it('while it is up, every page operation answers without errors and names the service (the control)', async () => {
    const { ids, partner, coordinator } = context;
    const inbox = await ask(INBOX, { states: null, after: null }, partner);
    expect(inbox.errors).toBeUndefined();
    expect(byId(inbox.data.incomingReferrals.nodes, ids.referralId)).toMatchObject({ service: { name: SERVICE_NAME } });
    for (const [query, variables, token] of [
      [PARTNER_REFERRAL, { id: ids.referralId }, partner],
      [DASHBOARD, {}, coordinator],
      [CASE, { id: ids.caseId }, coordinator],
      [COORDINATOR_REFERRAL, { id: ids.referralId }, coordinator],
    ] as const) {
      expect((await ask(query, variables, token)).errors).toBeUndefined();
    }
  });

  describe('once partners is stopped', () => {
    beforeAll(() => context.stack.stopSubgraph('partners'));

    it("the partner's inbox lists its referrals with their cases, every service null", async () => {
      const { data, errors, requestId } = await ask(INBOX, { states: null, after: null }, context.partner);
      expect(byId(data.incomingReferrals.nodes, context.ids.referralId)).toMatchObject({
        state: 'SENT',
        overdue: true,
        service: null,
        case: { id: context.ids.caseId, reference: context.ids.reference, urgency: 'IMMEDIATE' },
        messageThread: { unreadCount: 0 },
      });
      expect(data.incomingReferrals.nodes.every((node: { service: unknown }) => node.service === null)).toBe(true);
      expectMaskedFailure(errors, requestId);
    });

    it("the partner's referral page gets the referral, its minimal facts and timeline; only the service is null", async () => {
      const { data, errors, requestId } = await ask(PARTNER_REFERRAL, { id: context.ids.referralId }, context.partner);
      expect(data.referral).toMatchObject({
        id: context.ids.referralId,
        service: null,
        coordinatingOrganisation: { name: TEST_ORGANISATIONS.centre.name },
        case: { id: context.ids.caseId, reference: context.ids.reference },
        timeline: expect.any(Array),
      });
      expectMaskedFailure(errors, requestId);
    });

    it("the coordinator's dashboard gets its overdue and active referrals and its open cases; only the services are null", async () => {
      const { data, errors, requestId } = await ask(DASHBOARD, {}, context.coordinator);
      expect(byId(data.overdueReferrals.nodes, context.ids.referralId)).toMatchObject({
        service: null,
        organisation: { name: TEST_ORGANISATIONS.partnerA.name },
        case: { id: context.ids.caseId, reference: context.ids.reference },
      });
      expect(byId(data.sentReferrals.nodes, context.ids.referralId)).toMatchObject({ service: null });
      expect(data.cases.nodes.length).toBeGreaterThan(0);
      expectMaskedFailure(errors, requestId);
    });

    it("the case page gets the case, its referrals (service null), timeline and consent records", async () => {
      const { data, errors, requestId } = await ask(CASE, { id: context.ids.caseId }, context.coordinator);
      expect(data.case).toMatchObject({
        id: context.ids.caseId,
        reference: context.ids.reference,
        coordinator: { displayName: TEST_USERS.coordinatorA.displayName },
        referrals: [{ id: context.ids.referralId, service: null, organisation: { name: TEST_ORGANISATIONS.partnerA.name } }],
        timeline: expect.any(Array),
        consentRecords: [],
      });
      expectMaskedFailure(errors, requestId);
    });

    it("the coordinator's referral page gets the referral and its case; only the service is null", async () => {
      const { data, errors, requestId } = await ask(COORDINATOR_REFERRAL, { id: context.ids.referralId }, context.coordinator);
      expect(data.referral).toMatchObject({
        id: context.ids.referralId,
        service: null,
        sentBy: { displayName: TEST_USERS.coordinatorA.displayName },
        case: { id: context.ids.caseId, status: 'OPEN' },
      });
      expectMaskedFailure(errors, requestId);
    });
  });
});

describe('with consent down', () => {
  const { context, ask } = pagesStack();
  beforeAll(() => context.stack.stopSubgraph('consent'));

  it('the case page still gets the case, its referrals and timeline; only the consent records are null', async () => {
    const { data, errors, requestId } = await ask(CASE, { id: context.ids.caseId }, context.coordinator);
    expect(data.case).toMatchObject({
      id: context.ids.caseId,
      reference: context.ids.reference,
      referrals: [{ id: context.ids.referralId, service: { name: SERVICE_NAME } }],
      timeline: expect.any(Array),
      consentRecords: null,
    });
    expectMaskedFailure(errors, requestId);
  });

  it('the pages that ask nothing of consent are not affected', async () => {
    const { ids, partner, coordinator } = context;
    for (const [query, variables, token] of [
      [INBOX, { states: null, after: null }, partner],
      [PARTNER_REFERRAL, { id: ids.referralId }, partner],
      [DASHBOARD, {}, coordinator],
      [COORDINATOR_REFERRAL, { id: ids.referralId }, coordinator],
    ] as const) {
      const { data, errors } = await ask(query, variables, token);
      expect(errors).toBeUndefined();
      expect(data).not.toBeNull();
    }
  });
});

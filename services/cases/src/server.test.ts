import { randomUUID } from 'node:crypto';
import { REFERENCE_PATTERN } from './domain/create-case';
import { caller, errorCodes, postWithoutAssertion, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from './db';
import { createCasesServer } from './server';
import { testCasesSettings } from './test-settings';

const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }) });
type Cases = Awaited<ReturnType<typeof startCases>>;

const CASE_FIELDS = 'id reference urgency needs status createdAt coordinatingOrganisation { id } coordinator { id }';
const CREATE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { ${CASE_FIELDS} } }`;
const ONE = `query ($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const LIST = `query ($status: CaseStatus) { cases(status: $status, first: 100) { nodes { id reference status } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Case { ${CASE_FIELDS} } } }`;

describe('cases subgraph over HTTP', () => {
  let cases: Cases;
  // Fresh ids per run: the test database is shared with other test files.
  const orgA = randomUUID();
  const orgB = randomUUID();
  const partnerOrg = randomUUID();
  const coordinatorA = caller(orgA, ['COORDINATOR']);
  const coordinatorB = caller(orgB, ['COORDINATOR']);
  const networkAdminA = caller(orgA, ['NETWORK_ADMIN', 'AUDITOR']);
  const partnerAdmin = caller(partnerOrg, ['PARTNER_ADMIN', 'PARTNER_STAFF']);
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    cases = await startCases();
    const res = await cases.gql({ query: CREATE, variables: { input: { urgency: 'URGENT', needs: ['SHELTER', 'MEDICAL_CARE'] } } }, coordinatorA);
    expect(res.body.errors).toBeUndefined();
    caseId = res.body.data!.createCase.id;
    reference = res.body.data!.createCase.reference;
  });

  afterAll(async () => {
    // Timeline events keep their case (onDelete: Restrict): they go first.
    await cases.admin.timelineEvent.deleteMany({ where: { case: { coordinatingOrganisationId: { in: [orgA, orgB] } } } });
    await cases.admin.case.deleteMany({ where: { coordinatingOrganisationId: { in: [orgA, orgB] } } });
    await cases.close();
  });

  const caseCount = (coordinatorUserId: string) => cases.db.case.count({ where: { coordinatorUserId } });

  describe('a coordinator of the coordinating organisation', () => {
    it('creates a case with a pseudonymous reference, for their organisation, with themselves as coordinator', async () => {
      const res = await cases.gql({ query: ONE, variables: { id: caseId } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.case).toMatchObject({
        id: caseId,
        reference,
        urgency: 'URGENT',
        needs: ['SHELTER', 'MEDICAL_CARE'],
        status: 'OPEN',
        coordinatingOrganisation: { id: orgA },
        coordinator: { id: coordinatorA.subject },
      });
      expect(reference).toMatch(REFERENCE_PATTERN);
    });

    it("lists their organisation's cases, filtered by status", async () => {
      const colleague = caller(orgA, ['COORDINATOR']);
      const open = await cases.gql({ query: LIST, variables: { status: 'OPEN' } }, colleague);
      expect(open.body.data!.cases.nodes.map((c: { id: string }) => c.id)).toContain(caseId);
      const closed = await cases.gql({ query: LIST, variables: { status: 'CLOSED' } }, colleague);
      expect(closed.body.data!.cases.nodes.map((c: { id: string }) => c.id)).not.toContain(caseId);
    });

    it('resolves the case through _entities', async () => {
      const res = await cases.gql({ query: ENTITIES, variables: { representations: [{ __typename: 'Case', id: caseId }] } }, coordinatorA);
      expect(res.body.data!._entities).toEqual([expect.objectContaining({ id: caseId, reference })]);
    });
  });

  describe('anyone else', () => {
    it('a coordinator of another organisation gets NOT_FOUND and no data for the case', async () => {
      const res = await cases.gql({ query: ONE, variables: { id: caseId } }, coordinatorB);
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.body.data?.case ?? null).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain(reference);
    });

    it("a coordinator of another organisation does not see the case in their list", async () => {
      const res = await cases.gql({ query: LIST }, coordinatorB);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.cases.nodes.map((c: { id: string }) => c.id)).not.toContain(caseId);
    });

    it.each([
      ['a partner', partnerAdmin],
      ['a network admin of the same organisation', networkAdminA],
    ])('%s is refused case and cases with FORBIDDEN', async (_label, who) => {
      const one = await cases.gql({ query: ONE, variables: { id: caseId } }, who);
      expect(errorCodes(one)).toEqual(['FORBIDDEN']);
      expect(one.body.data?.case ?? null).toBeNull();
      const list = await cases.gql({ query: LIST }, who);
      expect(errorCodes(list)).toEqual(['FORBIDDEN']);
      expect(list.body.data ?? null).toBeNull();
    });

    it.each([
      ['a coordinator of another organisation', coordinatorB],
      ['a partner', partnerAdmin],
      ['a network admin of the same organisation', networkAdminA],
    ])('%s gets no case through _entities', async (_label, who) => {
      const res = await cases.gql({ query: ENTITIES, variables: { representations: [{ __typename: 'Case', id: caseId }] } }, who);
      expect(res.body.data?._entities ?? [null]).toEqual([null]);
      expect(JSON.stringify(res.body)).not.toContain(reference);
    });

    it('an anonymous caller gets UNAUTHENTICATED, through case and through _entities', async () => {
      const one = await cases.gql({ query: ONE, variables: { id: caseId } }, null);
      expect(errorCodes(one)).toEqual(['UNAUTHENTICATED']);
      const refs = await cases.gql({ query: ENTITIES, variables: { representations: [{ __typename: 'Case', id: caseId }] } }, null);
      expect(errorCodes(refs)).toContain('UNAUTHENTICATED');
      expect(JSON.stringify(refs.body)).not.toContain(reference);
    });

    it('answers NOT_FOUND for an id that does not exist or is not an id', async () => {
      for (const id of [randomUUID(), 'HVN-NOTANID']) {
        const res = await cases.gql({ query: ONE, variables: { id } }, coordinatorA);
        expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      }
    });
  });

  describe('creating a case', () => {
    it.each([
      ['a partner', partnerAdmin, 'FORBIDDEN'],
      ['a network admin of the coordinating organisation', networkAdminA, 'FORBIDDEN'],
      ['a signed-in user without an active organisation', caller(null, ['COORDINATOR']), 'FORBIDDEN'],
      ['an anonymous caller', null, 'UNAUTHENTICATED'],
    ])('is refused to %s, and stores nothing', async (_label, who, code) => {
      const res = await cases.gql({ query: CREATE, variables: { input: { urgency: 'STANDARD', needs: ['HOUSING'] } } }, who);
      expect(errorCodes(res)).toEqual([code]);
      expect(res.body.data ?? null).toBeNull();
      if (who) expect(await caseCount(who.subject)).toBe(0);
    });

    it.each([
      ['empty needs', { urgency: 'STANDARD', needs: [] }],
      ['a need listed twice', { urgency: 'STANDARD', needs: ['HOUSING', 'HOUSING'] }],
      ['an unknown need', { urgency: 'STANDARD', needs: ['TELEPORTATION'] }],
      ['an unknown urgency', { urgency: 'YESTERDAY', needs: ['HOUSING'] }],
    ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, input) => {
      const who = caller(orgB, ['COORDINATOR']);
      const res = await cases.gql({ query: CREATE, variables: { input } }, who);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.message).toBeTruthy();
      expect(await caseCount(who.subject)).toBe(0);
    });
  });

  describe('the gateway boundary', () => {
    it('refuses a request without a gateway assertion with 401, also for _service and _entities', async () => {
      for (const request of [
        { query: ONE, variables: { id: caseId } },
        { query: '{ _service { sdl } }' },
        { query: ENTITIES, variables: { representations: [{ __typename: 'Case', id: caseId }] } },
      ]) {
        const res = await postWithoutAssertion(cases.url, cases.keys, request, coordinatorA);
        expect(res.status).toBe(401);
        expect(JSON.stringify(res.body)).not.toContain(reference);
      }
    });
  });
});

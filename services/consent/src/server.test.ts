import { randomUUID } from 'node:crypto';
import { caller, errorCodes, postWithoutAssertion, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createConsentDb } from './db';
import { createConsentServer } from './server';
import { consentRecordFixture } from './test-support';

const startConsent = () => startTestSubgraph({ name: 'consent', createDb: createConsentDb, createServer: createConsentServer });
type Consent = Awaited<ReturnType<typeof startConsent>>;

const RECORD_FIELDS = 'id recordId version caseId status legalBasis categories purposes recordedByOrganisationId';
const FOR_CASE = `query ($caseId: ID!) { consentRecordsForCase(caseId: $caseId) { ${RECORD_FIELDS} } }`;
const HISTORY = `query ($caseId: ID!) { consentRecordsForCase(caseId: $caseId) { id history { id version status } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on ConsentRecord { ${RECORD_FIELDS} }
  ... on Case { id consentRecords { ${RECORD_FIELDS} } } } }`;

const caseRef = (id: string) => ({ __typename: 'Case', id });
const recordRef = (id: string) => ({ __typename: 'ConsentRecord', id });
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe('consent subgraph over HTTP', () => {
  let consent: Consent;
  // Fresh ids per run: the test database is shared with other test files.
  const orgA = randomUUID();
  const orgB = randomUUID();
  const orgC = randomUUID();
  const partnerOrg = randomUUID();
  const caseId = randomUUID();
  const otherCaseId = randomUUID();
  const coordinatorA = caller(orgA, ['COORDINATOR']);
  const coordinatorB = caller(orgB, ['COORDINATOR']);
  const coordinatorC = caller(orgC, ['COORDINATOR']);
  // Version 1 and its successor (withdrawn) recorded by A; one record of B on the same case; one of A elsewhere.
  const recordIdA = randomUUID();
  const a1 = consentRecordFixture({ caseId, recordedByOrganisationId: orgA, recordId: recordIdA, version: 1, createdAt: new Date('2025-02-01T10:00:00Z') });
  const a2 = consentRecordFixture({ caseId, recordedByOrganisationId: orgA, recordId: recordIdA, version: 2, status: 'WITHDRAWN', createdAt: new Date('2025-02-02T10:00:00Z') });
  const b1 = consentRecordFixture({ caseId, recordedByOrganisationId: orgB, legalBasis: 'STATUTORY', justification: 'fictional statutory basis' });
  const aOther = consentRecordFixture({ caseId: otherCaseId, recordedByOrganisationId: orgA });

  beforeAll(async () => {
    consent = await startConsent();
    await consent.admin.consentRecord.createMany({ data: [a1, a2, b1, aOther] });
  });

  afterAll(async () => {
    await consent.admin.consentRecord.deleteMany({ where: { recordedByOrganisationId: { in: [orgA, orgB] } } });
    await consent.close();
  });

  describe('a coordinator of the recording organisation', () => {
    it("reads their organisation's consent records of a case, the latest version of each, and no other organisation's", async () => {
      const res = await consent.gql({ query: FOR_CASE, variables: { caseId } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      expect(ids(res.body.data!.consentRecordsForCase)).toEqual([a2.id]);
      expect(res.body.data!.consentRecordsForCase[0]).toMatchObject({ recordId: recordIdA, version: 2, status: 'WITHDRAWN', caseId, recordedByOrganisationId: orgA });
      expect(JSON.stringify(res.body)).not.toContain(b1.id);
    });

    it('reads them on Case references through _entities, per case, in one request', async () => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [caseRef(caseId), caseRef(otherCaseId), caseRef(randomUUID())] } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      const [first, second, third] = res.body.data!._entities;
      expect(first.id).toBe(caseId);
      expect(ids(first.consentRecords)).toEqual([a2.id]);
      expect(ids(second.consentRecords)).toEqual([aOther.id]);
      expect(third.consentRecords).toEqual([]);
    });

    it('reads every version of a record under history, oldest first', async () => {
      const res = await consent.gql({ query: HISTORY, variables: { caseId } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.consentRecordsForCase).toEqual([
        { id: a2.id, history: [{ id: a1.id, version: 1, status: 'ACTIVE' }, { id: a2.id, version: 2, status: 'WITHDRAWN' }] },
      ]);
    });

    it('resolves their own ConsentRecord through _entities', async () => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(a1.id)] } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities).toEqual([expect.objectContaining({ id: a1.id, recordedByOrganisationId: orgA })]);
    });

    it('gets the own record and null for the foreign one when one _entities request mixes them, in either order', async () => {
      const mixed = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(a1.id), recordRef(b1.id)] } }, coordinatorA);
      expect(mixed.body.data!._entities).toEqual([expect.objectContaining({ id: a1.id }), null]);
      const reversed = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(b1.id), recordRef(a2.id)] } }, coordinatorA);
      expect(reversed.body.data!._entities).toEqual([null, expect.objectContaining({ id: a2.id })]);
      expect(JSON.stringify([mixed.body, reversed.body])).not.toContain(orgB);
    });
  });

  describe('a coordinator of another organisation', () => {
    it('gets [] from consentRecordsForCase for a case with only other organisations\' records', async () => {
      const res = await consent.gql({ query: FOR_CASE, variables: { caseId } }, coordinatorC);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.consentRecordsForCase).toEqual([]);
    });

    it('sees only their own organisation\'s record on a shared case', async () => {
      const res = await consent.gql({ query: FOR_CASE, variables: { caseId } }, coordinatorB);
      expect(ids(res.body.data!.consentRecordsForCase)).toEqual([b1.id]);
    });

    it('gets [] from Case.consentRecords through _entities', async () => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [caseRef(caseId)] } }, coordinatorC);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities).toEqual([{ id: caseId, consentRecords: [] }]);
    });

    it("gets null for another organisation's ConsentRecord through _entities", async () => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(a1.id)] } }, coordinatorC);
      expect(res.body.data!._entities).toEqual([null]);
      expect(JSON.stringify(res.body)).not.toContain(recordIdA);
    });
  });

  describe('other roles', () => {
    const others = {
      'partner staff': caller(partnerOrg, ['PARTNER_STAFF']),
      'partner admin': caller(partnerOrg, ['PARTNER_ADMIN', 'PARTNER_STAFF']),
      // Same organisation that recorded the consent: the role, not the organisation, decides.
      'network admin': caller(orgA, ['NETWORK_ADMIN']),
      auditor: caller(orgA, ['AUDITOR']),
    };

    it.each(Object.entries(others))('%s gets FORBIDDEN from consentRecordsForCase and Case.consentRecords', async (_name, identity) => {
      const direct = await consent.gql({ query: FOR_CASE, variables: { caseId } }, identity);
      expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
      expect(direct.body.data?.consentRecordsForCase ?? null).toBeNull();
      const viaCase = await consent.gql({ query: ENTITIES, variables: { representations: [caseRef(caseId)] } }, identity);
      expect(errorCodes(viaCase)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify([direct.body, viaCase.body])).not.toContain(a1.id);
    });

    it.each(Object.entries(others))('%s gets null for a ConsentRecord through _entities', async (_name, identity) => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(a1.id)] } }, identity);
      expect(res.body.data!._entities).toEqual([null]);
      expect(JSON.stringify(res.body)).not.toContain(recordIdA);
    });

    it('a coordinator without an active organisation gets FORBIDDEN', async () => {
      const res = await consent.gql({ query: FOR_CASE, variables: { caseId } }, caller(null, ['COORDINATOR']));
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    });

    it('anonymous gets UNAUTHENTICATED', async () => {
      const direct = await consent.gql({ query: FOR_CASE, variables: { caseId } }, null);
      expect(errorCodes(direct)).toEqual(['UNAUTHENTICATED']);
      const entities = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef(a1.id)] } }, null);
      expect(errorCodes(entities)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify([direct.body, entities.body])).not.toContain(recordIdA);
    });
  });

  describe('requests and input', () => {
    it('refuses a request without a gateway assertion with 401', async () => {
      const res = await postWithoutAssertion(consent.url, consent.keys, { query: FOR_CASE, variables: { caseId } }, coordinatorA);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain(a1.id);
    });

    it('answers a malformed case id with BAD_USER_INPUT', async () => {
      const res = await consent.gql({ query: FOR_CASE, variables: { caseId: 'not-a-uuid' } }, coordinatorA);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    });

    it('resolves malformed ids in _entities to nothing, not an internal error', async () => {
      const res = await consent.gql({ query: ENTITIES, variables: { representations: [recordRef('not-a-uuid'), caseRef('not-a-uuid')] } }, coordinatorA);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities).toEqual([null, { id: 'not-a-uuid', consentRecords: [] }]);
    });
  });
});

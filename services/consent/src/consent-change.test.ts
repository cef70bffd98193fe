import { randomUUID } from 'node:crypto';
import { createCasesDb } from '@haven/cases/src/db';
import { createCasesServer } from '@haven/cases/src/server';
import { createTestCase, deleteTestCases } from '@haven/cases/src/test-fixtures';
import { testCasesSettings } from '@haven/cases/src/test-settings';
import { caller, errorCodes, postWithoutAssertion, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { generateKeySet } from '@haven/kit/src/trust/keys';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { createConsentDb } from './db';
import type { ConsentRecord } from './generated/prisma/client';
import { createConsentServer } from './server';
import type { ConsentSettings } from './settings';
import { consentRecordFixture } from './test-support';

// Recording, amending and withdrawing consent over HTTP, with the real cases service answering
// consent-subject (whose case, how old) on the same key set.
jest.setTimeout(30_000);

const FIELDS = 'id recordId version caseId status legalBasis justification categories wholeNetwork recipientOrganisationIds purposes givenBy givenHow recordedByUserId recordedByOrganisationId validFrom validUntil';
const RECORD = `mutation ($caseId: ID!, $input: ConsentInput!) { recordConsent(caseId: $caseId, input: $input) { ${FIELDS} } }`;
const AMEND = `mutation ($recordId: ID!, $input: ConsentInput!) { amendConsent(recordId: $recordId, input: $input) { ${FIELDS} } }`;
const WITHDRAW = `mutation ($recordId: ID!, $scope: ConsentWithdrawalScopeInput) { withdrawConsent(recordId: $recordId, scope: $scope) { ${FIELDS} history { version status } } }`;

const keys = generateKeySet();
const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }), keys });
const startConsent = (settings: ConsentSettings) =>
  startTestSubgraph({ name: 'consent', createDb: createConsentDb, createServer: (deps) => createConsentServer({ ...deps, settings }), keys });

describe('recording and withdrawing consent', () => {
  let cases: Awaited<ReturnType<typeof startCases>>;
  let consent: Awaited<ReturnType<typeof startConsent>>;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const partners = Array.from({ length: 10 }, () => randomUUID());
  const coordinatorA = caller(orgA, ['COORDINATOR']);
  const coordinatorB = caller(orgB, ['COORDINATOR']);
  const caseIds = { adult: '', child: '', unknownAge: '', closed: '', ofB: '' };

  const input = (overrides: Record<string, unknown> = {}) => ({
    legalBasis: 'CONSENT_CLIENT',
    categories: ['IDENTITY', 'CONTACT'],
    recipientOrganisationIds: [partners[0]],
    purposes: ['REFERRAL_CARE'],
    givenBy: 'CLIENT',
    givenHow: 'WRITTEN',
    ...overrides,
  });
  const record = (caseId: string, identity: Identity | null = coordinatorA, overrides: Record<string, unknown> = {}) =>
    consent.gql({ query: RECORD, variables: { caseId, input: input(overrides) } }, identity);
  const withdraw = (recordId: string, scope: Record<string, unknown> | null = null, identity: Identity | null = coordinatorA) =>
    consent.gql({ query: WITHDRAW, variables: { recordId, scope } }, identity);
  const amend = (recordId: string, overrides: Record<string, unknown>, identity: Identity | null = coordinatorA) =>
    consent.gql({ query: AMEND, variables: { recordId, input: input(overrides) } }, identity);
  const versionsOf = (recordId: string) => consent.admin.consentRecord.findMany({ where: { recordId }, orderBy: { version: 'asc' } });
  const auditOf = (consentRecordId: string) =>
    consent.admin.$queryRaw<{ action: string; part: string; actorUserId: string; actorOrganisationId: string; actorRole: string; caseId: string; caseOrganisationId: string; categories: string[]; purpose: string | null }[]>`
      SELECT "action", "part", "actorUserId"::text, "actorOrganisationId"::text, "actorRole", "caseId"::text, "caseOrganisationId"::text, "categories"::text[], "purpose"
        FROM "audit"."AuditEvent" WHERE "consentRecordId" = ${consentRecordId}::uuid`;
  const rowsOfCase = (caseId: string) => consent.admin.consentRecord.count({ where: { caseId } });
  /** A record of orgA written straight into the database (what the test is not about). */
  async function existingRecord(caseId: string, overrides: Partial<ConsentRecord> = {}) {
    const row = consentRecordFixture({ caseId, recordedByOrganisationId: orgA, recipientOrganisationIds: [partners[0]!, partners[1]!], ...overrides });
    await consent.admin.consentRecord.create({ data: row });
    return row;
  }

  beforeAll(async () => {
    cases = await startCases();
    consent = await startConsent({ casesUrl: cases.url });
    const withAge = async (organisationId: string, age: number | null, ageGroup: 'UNDER_16' | 'AGE_24_PLUS' | null, status: 'OPEN' | 'CLOSED' = 'OPEN') => {
      const row = await createTestCase(cases.admin, { coordinatingOrganisationId: organisationId, status });
      await cases.admin.case.update({ where: { id: row.id }, data: { age, ageGroup } });
      return row.id;
    };
    caseIds.adult = await withAge(orgA, 30, 'AGE_24_PLUS');
    caseIds.child = await withAge(orgA, 12, 'UNDER_16');
    caseIds.unknownAge = await withAge(orgA, null, null);
    caseIds.closed = await withAge(orgA, 30, 'AGE_24_PLUS', 'CLOSED');
    caseIds.ofB = await withAge(orgB, 30, 'AGE_24_PLUS');
  });

  afterAll(async () => {
    await consent?.admin.consentRecord.deleteMany({ where: { recordedByOrganisationId: { in: [orgA, orgB] } } });
    if (cases) await deleteTestCases(cases.admin, [orgA, orgB]);
    await consent?.close();
    await cases?.close();
  });

  describe('recordConsent', () => {
    it("records an adult's own consent as version 1 of a new record, by the caller, valid from now", async () => {
      const before = Date.now();
      const res = await record(caseIds.adult);
      expect(res.body.errors).toBeUndefined();
      const row = res.body.data!.recordConsent;
      expect(row).toMatchObject({
        version: 1,
        caseId: caseIds.adult,
        status: 'ACTIVE',
        legalBasis: 'CONSENT_CLIENT',
        categories: ['IDENTITY', 'CONTACT'],
        wholeNetwork: false,
        recipientOrganisationIds: [partners[0]],
        recordedByUserId: coordinatorA.subject,
        recordedByOrganisationId: orgA,
        validUntil: null,
      });
      expect(new Date(row.validFrom).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await versionsOf(row.recordId)).toHaveLength(1);
      expect(await auditOf(row.id)).toEqual([
        {
          action: 'consent.record',
          part: 'consent',
          actorUserId: coordinatorA.subject,
          actorOrganisationId: orgA,
          actorRole: 'COORDINATOR',
          caseId: caseIds.adult,
          caseOrganisationId: orgA,
          categories: ['IDENTITY', 'CONTACT'],
          purpose: 'REFERRAL_CARE',
        },
      ]);
    });

    it("refuses the own consent of a 12-year-old on legalBasis and writes nothing; a guardian's consent is recorded", async () => {
      const refused = await record(caseIds.child);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ field: 'legalBasis' });
      expect(refused.body.errors![0]!.message).toMatch(/Under 16.*guardian/);
      expect(await rowsOfCase(caseIds.child)).toBe(0);
      const guardian = await record(caseIds.child, coordinatorA, { legalBasis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' });
      expect(guardian.body.errors).toBeUndefined();
      expect(guardian.body.data!.recordConsent).toMatchObject({ legalBasis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' });
    });

    it("refuses the person's own consent when the case has no age, saying they must be known to be 16 or older", async () => {
      const refused = await record(caseIds.unknownAge);
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.body.errors![0]!.message).toMatch(/not known to be 16 or older/);
      expect(await rowsOfCase(caseIds.unknownAge)).toBe(0);
    });

    it('refuses a statutory basis without justification, and records it with one, for the whole network', async () => {
      const refused = await record(caseIds.adult, coordinatorA, { legalBasis: 'STATUTORY', givenBy: 'GUARDIAN' });
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'justification' });
      const ok = await record(caseIds.adult, coordinatorA, {
        legalBasis: 'STATUTORY',
        givenBy: 'GUARDIAN',
        justification: 'Fictional court order',
        wholeNetwork: true,
        recipientOrganisationIds: [],
      });
      expect(ok.body.data!.recordConsent).toMatchObject({ wholeNetwork: true, recipientOrganisationIds: [], justification: 'Fictional court order' });
    });

    it('refuses recording on a closed case with INVALID_TRANSITION', async () => {
      const res = await record(caseIds.closed);
      expect(errorCodes(res)).toEqual(['INVALID_TRANSITION']);
      expect(await rowsOfCase(caseIds.closed)).toBe(0);
    });

    it("answers NOT_FOUND alike for another organisation's case and an unknown one, and writes nothing", async () => {
      const foreign = await record(caseIds.ofB);
      const unknown = await record(randomUUID());
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      expect(foreign.body.errors![0]!.message).toBe(unknown.body.errors![0]!.message);
      expect(await rowsOfCase(caseIds.ofB)).toBe(0);
    });

    it('answers a malformed case id with BAD_USER_INPUT', async () => {
      expect(errorCodes(await record('not-an-id'))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('withdrawConsent', () => {
    it('withdraws the whole record in one step as a new version; doing it again changes nothing', async () => {
      const v1 = await existingRecord(caseIds.adult);
      const res = await withdraw(v1.recordId);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.withdrawConsent).toMatchObject({
        recordId: v1.recordId,
        version: 2,
        status: 'WITHDRAWN',
        recordedByUserId: coordinatorA.subject,
        history: [{ version: 1, status: 'ACTIVE' }, { version: 2, status: 'WITHDRAWN' }],
      });
      const again = await withdraw(v1.recordId);
      expect(again.body.data!.withdrawConsent).toMatchObject({ version: 2, status: 'WITHDRAWN' });
      expect((await versionsOf(v1.recordId)).map((row) => row.status)).toEqual(['ACTIVE', 'WITHDRAWN']);
    });

    it('withdraws one recipient organisation: the record stays active for the others', async () => {
      const v1 = await existingRecord(caseIds.adult);
      const res = await withdraw(v1.recordId, { organisationIds: [partners[0]] });
      expect(res.body.data!.withdrawConsent).toMatchObject({ version: 2, status: 'ACTIVE', recipientOrganisationIds: [partners[1]] });
    });

    it('withdraws one category', async () => {
      const v1 = await existingRecord(caseIds.adult);
      const res = await withdraw(v1.recordId, { categories: ['IDENTITY'] });
      expect(res.body.data!.withdrawConsent).toMatchObject({ version: 2, status: 'ACTIVE', categories: ['CONTACT'] });
      expect(await auditOf(res.body.data!.withdrawConsent.id)).toEqual([
        expect.objectContaining({ action: 'consent.withdraw', caseId: caseIds.adult, categories: ['IDENTITY'] }),
      ]);
    });

    it('refuses withdrawing one organisation from a whole-network record with BAD_USER_INPUT, and writes nothing', async () => {
      const v1 = await existingRecord(caseIds.adult, { wholeNetwork: true, recipientOrganisationIds: [] });
      const res = await withdraw(v1.recordId, { organisationIds: [partners[0]] });
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.organisationIds' });
      expect(await versionsOf(v1.recordId)).toHaveLength(1);
    });

    it('is allowed on a closed case', async () => {
      const v1 = await existingRecord(caseIds.closed);
      const res = await withdraw(v1.recordId);
      expect(res.body.data!.withdrawConsent).toMatchObject({ version: 2, status: 'WITHDRAWN' });
    });

    it('eight concurrent withdrawals of different recipients all apply, each as its own version, none lost', async () => {
      const v1 = await existingRecord(caseIds.adult, { recipientOrganisationIds: partners });
      const withdrawn = partners.slice(0, 8);
      const results = await Promise.all(withdrawn.map((organisationId) => withdraw(v1.recordId, { organisationIds: [organisationId] })));
      expect(results.flatMap((res) => errorCodes(res))).toEqual([]);
      const versions = await versionsOf(v1.recordId);
      expect(versions.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(versions.at(-1)).toMatchObject({ status: 'ACTIVE', recipientOrganisationIds: partners.slice(8) });
    });

    it('two concurrent whole withdrawals make exactly one WITHDRAWN version', async () => {
      const v1 = await existingRecord(caseIds.adult);
      const results = await Promise.all([withdraw(v1.recordId), withdraw(v1.recordId)]);
      expect(results.flatMap((res) => errorCodes(res))).toEqual([]);
      expect(results.map((res) => res.body.data!.withdrawConsent.version)).toEqual([2, 2]);
      expect((await versionsOf(v1.recordId)).map((row) => row.status)).toEqual(['ACTIVE', 'WITHDRAWN']);
    });

    it("answers NOT_FOUND for another organisation's record and for an unknown one", async () => {
      const v1 = await existingRecord(caseIds.adult);
      expect(errorCodes(await withdraw(v1.recordId, null, coordinatorB))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await withdraw(randomUUID()))).toEqual(['NOT_FOUND']);
      expect(await versionsOf(v1.recordId)).toHaveLength(1);
    });
  });

  describe('amendConsent', () => {
    it('appends a version with the new content', async () => {
      const v1 = await existingRecord(caseIds.adult);
      const res = await amend(v1.recordId, { categories: ['HEALTH'], purposes: ['REFERRAL_CARE', 'STATISTICS'] });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.amendConsent).toMatchObject({ recordId: v1.recordId, version: 2, status: 'ACTIVE', categories: ['HEALTH'], purposes: ['REFERRAL_CARE', 'STATISTICS'] });
    });

    it("checks like new consent: a 12-year-old's own consent is refused", async () => {
      const v1 = await existingRecord(caseIds.child, { legalBasis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' });
      const res = await amend(v1.recordId, {});
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalBasis' });
      expect(await versionsOf(v1.recordId)).toHaveLength(1);
    });

    it('does not revive a withdrawn record', async () => {
      const v1 = await existingRecord(caseIds.adult);
      await withdraw(v1.recordId);
      expect(errorCodes(await amend(v1.recordId, {}))).toEqual(['INVALID_TRANSITION']);
      expect(await versionsOf(v1.recordId)).toHaveLength(2);
    });
  });

  describe('who may change consent', () => {
    const refused: [string, string, Identity | null][] = [
      ['partner staff', 'FORBIDDEN', caller(randomUUID(), ['PARTNER_STAFF'])],
      ['partner admin', 'FORBIDDEN', caller(randomUUID(), ['PARTNER_ADMIN', 'PARTNER_STAFF'])],
      // Of the coordinating organisation itself: the role, not the organisation, decides.
      ['network admin', 'FORBIDDEN', caller(orgA, ['NETWORK_ADMIN'])],
      ['auditor', 'FORBIDDEN', caller(orgA, ['AUDITOR'])],
      ['coordinator without an active organisation', 'FORBIDDEN', caller(null, ['COORDINATOR'])],
      ['coordinator of another organisation', 'NOT_FOUND', coordinatorB],
      [
        "an integration token of the case's organisation, with every scope",
        'FORBIDDEN',
        { ...caller(orgA, []), kind: 'integration', scopes: ['directory:read', 'referrals:read', 'referrals:write', 'capacity:write', 'messages:read', 'messages:write'] },
      ],
      ['no identity', 'UNAUTHENTICATED', null],
    ];

    it.each(refused)('%s cannot record, amend or withdraw: %s', async (_name, code, identity) => {
      const v1 = await existingRecord(caseIds.adult);
      const before = await rowsOfCase(caseIds.adult);
      expect(errorCodes(await record(caseIds.adult, identity))).toEqual([code]);
      expect(errorCodes(await amend(v1.recordId, {}, identity))).toEqual([code]);
      expect(errorCodes(await withdraw(v1.recordId, null, identity))).toEqual([code]);
      expect(await rowsOfCase(caseIds.adult)).toBe(before);
    });

    it('a request around the gateway gets 401 and writes nothing', async () => {
      const before = await rowsOfCase(caseIds.adult);
      const res = await postWithoutAssertion(consent.url, keys, { query: RECORD, variables: { caseId: caseIds.adult, input: input() } }, coordinatorA);
      expect(res.status).toBe(401);
      expect(await rowsOfCase(caseIds.adult)).toBe(before);
    });
  });

  describe('when cases does not answer', () => {
    it('records nothing and answers SERVICE_UNAVAILABLE (whose case it is cannot be checked)', async () => {
      const orphan = await startConsent({ casesUrl: 'http://127.0.0.1:9/graphql' });
      try {
        const before = await rowsOfCase(caseIds.adult);
        const res = await orphan.gql({ query: RECORD, variables: { caseId: caseIds.adult, input: input() } }, coordinatorA);
        expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(await rowsOfCase(caseIds.adult)).toBe(before);
      } finally {
        await orphan.close();
      }
    });
  });
});

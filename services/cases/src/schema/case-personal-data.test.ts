import { randomUUID } from 'node:crypto';
import { createMemoryLogger } from '@haven/kit/src/log';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb, type CasesDb } from '../db';
import { createCasesServer } from '../server';
import { createTestReferral, deleteTestCases } from '../test-fixtures';
import { testCasesSettings } from '../test-settings';

// Facts and personal data of a case through the cases subgraph, signed as the gateway signs.

const log = createMemoryLogger();
/** Vault reads the server made (its own client, extended to count them). */
const vaultReads = { count: 0 };
const countingVaultReads = (db: CasesDb) =>
  db.$extends({
    query: {
      vaultField: {
        findMany({ args, query }) {
          vaultReads.count++;
          return query(args);
        },
      },
    },
  }) as unknown as CasesDb;
const startCases = () =>
  startTestSubgraph({
    name: 'cases',
    createDb: createCasesDb,
    createServer: (deps) => createCasesServer({ ...deps, db: countingVaultReads(deps.db), log, settings: testCasesSettings() }),
  });
type Cases = Awaited<ReturnType<typeof startCases>>;

const PERSONAL = 'personalData { identity { name birthDate } contact { phone address whereabouts } health { notes } caseNotes { notes } withheld }';
const FACTS = 'ageGroup gender languages province exploitationType place age closedAt';
const CREATE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id ${FACTS} ${PERSONAL} } }`;
const ONE = `query ($id: ID!) { case(id: $id) { id ${FACTS} ${PERSONAL} } }`;
const LIST = `{ cases(first: 100) { nodes { id ${PERSONAL} } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Case { id reference ${FACTS} ${PERSONAL} } } }`;
const UPDATE = `mutation ($caseId: ID!, $input: CasePersonalDataInput!) { updateCasePersonalData(caseId: $caseId, input: $input) { id ${PERSONAL} } }`;

// Made-up values.
const PERSONAL_INPUT = {
  identity: { name: 'Voorbeeld Persoon', birthDate: '2007-06-01' },
  contact: { phone: '+31 6 0000 0001', address: 'Voorbeeldlaan 2', whereabouts: 'Bij een vriendin' },
  health: { notes: 'Notitie over gezondheid' },
  caseNotes: { notes: 'Notitie over het dossier' },
};
const ALL_WITHHELD = { identity: null, contact: null, health: null, caseNotes: null, withheld: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] };

describe('case facts and personal data over HTTP', () => {
  let cases: Cases;
  const orgA = randomUUID();
  const orgB = randomUUID();
  const partnerOrg = randomUUID();
  const coordinatorA = caller(orgA, ['COORDINATOR']);
  const coordinatorB = caller(orgB, ['COORDINATOR']);
  const partnerStaff = caller(partnerOrg, ['PARTNER_STAFF']);
  let caseId: string;

  beforeAll(async () => {
    cases = await startCases();
    const res = await cases.gql(
      {
        query: CREATE,
        variables: {
          input: { urgency: 'URGENT', needs: ['SHELTER'], age: 17, gender: 'FEMALE', languages: ['nl', 'ar'], exploitationType: 'LABOUR', place: 'Zaandam', personalData: PERSONAL_INPUT },
        },
      },
      coordinatorA,
    );
    expect(res.body.errors).toBeUndefined();
    caseId = res.body.data!.createCase.id;
  });
  afterAll(async () => {
    await deleteTestCases(cases.admin, [orgA, orgB]);
    await cases.close();
  });

  const gql = (query: string, variables: Record<string, unknown>, who: ReturnType<typeof caller>) => cases.gql({ query, variables }, who);

  it('a coordinator of the organisation reads the facts and every category of personal data', async () => {
    const res = await gql(ONE, { id: caseId }, coordinatorA);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.case).toEqual({
      id: caseId,
      ageGroup: 'AGE_16_17',
      gender: 'FEMALE',
      languages: ['nl', 'ar'],
      province: 'NOORD_HOLLAND',
      exploitationType: 'LABOUR',
      place: 'Zaandam',
      age: 17,
      closedAt: null,
      personalData: { ...PERSONAL_INPUT, withheld: [] },
    });
  });

  it('a coordinator of another organisation gets NOT_FOUND and none of it', async () => {
    const res = await gql(ONE, { id: caseId }, coordinatorB);
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(res.body.data?.case ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain(PERSONAL_INPUT.identity.name);
    const refs = await gql(ENTITIES, { representations: [{ __typename: 'Case', id: caseId }] }, coordinatorB);
    expect(refs.body.data?._entities ?? [null]).toEqual([null]);
  });

  it('partner staff without a referral for the case get null through _entities', async () => {
    const res = await gql(ENTITIES, { representations: [{ __typename: 'Case', id: caseId }] }, partnerStaff);
    expect(res.body.data?._entities ?? [null]).toEqual([null]);
    expect(JSON.stringify(res.body)).not.toContain(PERSONAL_INPUT.contact.phone);
  });

  it('partner staff with a sent referral see the minimal facts, no care or coordination facts, and every category withheld', async () => {
    const otherPartner = randomUUID();
    await createTestReferral(cases.admin, { caseId, organisationId: otherPartner, coordinatingOrganisationId: orgA, state: 'SENT' });
    const res = await gql(ENTITIES, { representations: [{ __typename: 'Case', id: caseId }] }, caller(otherPartner, ['PARTNER_STAFF']));
    const entity = res.body.data!._entities[0];
    expect(entity).toMatchObject({ id: caseId, ageGroup: 'AGE_16_17', gender: 'FEMALE', languages: ['nl', 'ar'], province: 'NOORD_HOLLAND' });
    expect([entity.exploitationType, entity.place, entity.age, entity.closedAt]).toEqual([null, null, null, null]);
    expect(entity.personalData).toEqual(ALL_WITHHELD);
    expect(JSON.stringify(res.body)).not.toContain(PERSONAL_INPUT.identity.name);
  });

  it('partner staff holding the person (accepted) see the care facts but, until consent is built, no personal data', async () => {
    const holdingPartner = randomUUID();
    await createTestReferral(cases.admin, { caseId, organisationId: holdingPartner, coordinatingOrganisationId: orgA, state: 'ACCEPTED', need: 'MEDICAL_CARE' });
    const res = await gql(ENTITIES, { representations: [{ __typename: 'Case', id: caseId }] }, caller(holdingPartner, ['PARTNER_STAFF']));
    const entity = res.body.data!._entities[0];
    expect(entity).toMatchObject({ exploitationType: 'LABOUR', place: 'Zaandam', age: null });
    expect(entity.personalData).toEqual(ALL_WITHHELD);
  });

  it('updates given fields, clears a field given as an empty string, and leaves the rest', async () => {
    const res = await gql(
      UPDATE,
      { caseId, input: { contact: { whereabouts: 'Opvang Zuid', phone: '' }, caseNotes: { notes: 'Nieuwe notitie' } } },
      coordinatorA,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.updateCasePersonalData.personalData).toEqual({
      ...PERSONAL_INPUT,
      contact: { phone: null, address: PERSONAL_INPUT.contact.address, whereabouts: 'Opvang Zuid' },
      caseNotes: { notes: 'Nieuwe notitie' },
      withheld: [],
    });
  });

  it('refuses a personal-data update from a coordinator of another organisation with NOT_FOUND, writing nothing', async () => {
    const before = await cases.admin.vaultField.findMany({ where: { caseId }, orderBy: { field: 'asc' } });
    const res = await gql(UPDATE, { caseId, input: { identity: { name: 'Iemand' } } }, coordinatorB);
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(await cases.admin.vaultField.findMany({ where: { caseId }, orderBy: { field: 'asc' } })).toEqual(before);
  });

  it('refuses a bad birth date in an update with BAD_USER_INPUT and writes none of the update', async () => {
    const before = await cases.admin.vaultField.findMany({ where: { caseId }, orderBy: { field: 'asc' } });
    const res = await gql(UPDATE, { caseId, input: { identity: { name: 'Andere Naam', birthDate: '31-12-2001' } } }, coordinatorA);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await cases.admin.vaultField.findMany({ where: { caseId }, orderBy: { field: 'asc' } })).toEqual(before);
  });

  it.each([
    ['an age group that contradicts the age', { age: 30, ageGroup: 'UNDER_16' }],
    ['an unknown place', { place: 'Nergenshuizen' }],
    ['an unknown language', { languages: ['qq'] }],
    ['a birth date that is not a date', { personalData: { identity: { birthDate: 'gisteren' } } }],
  ])('refuses a case with %s with BAD_USER_INPUT and stores nothing', async (_label, patch) => {
    const who = caller(orgB, ['COORDINATOR']);
    const res = await gql(CREATE, { input: { urgency: 'STANDARD', needs: ['HOUSING'], personalData: PERSONAL_INPUT, ...patch } }, who);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await cases.admin.case.count({ where: { coordinatorUserId: who.subject } })).toBe(0);
    expect(await cases.admin.vaultField.count({ where: { updatedByUserId: who.subject } })).toBe(0);
  });

  it('a value that does not open withholds its category only, and the log names ids, not the data', async () => {
    const created = await gql(CREATE, { input: { urgency: 'STANDARD', needs: ['HOUSING'], personalData: PERSONAL_INPUT } }, coordinatorA);
    const id = created.body.data!.createCase.id;
    const row = (await cases.admin.vaultField.findUnique({ where: { caseId_field: { caseId: id, field: 'health' } } }))!;
    const tampered = Buffer.from(row.sealed);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0xff;
    await cases.admin.vaultField.update({ where: { caseId_field: { caseId: id, field: 'health' } }, data: { sealed: new Uint8Array(tampered) } });
    log.lines.length = 0;

    const res = await gql(ONE, { id }, coordinatorA);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.case.personalData).toEqual({ ...PERSONAL_INPUT, health: null, withheld: ['HEALTH'] });
    const line = log.lines.find((l) => l.includes('does not open'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ caseId: id, field: 'health' });
    expect(log.lines.join('\n')).not.toContain(PERSONAL_INPUT.health.notes);
  });

  it("reads a list of cases' personal data with one vault query", async () => {
    const lister = caller(orgB, ['COORDINATOR']);
    for (let i = 0; i < 3; i++) {
      const res = await gql(CREATE, { input: { urgency: 'STANDARD', needs: ['HOUSING'], personalData: { caseNotes: { notes: `Notitie ${i}` } } } }, lister);
      expect(res.body.errors).toBeUndefined();
    }
    vaultReads.count = 0;
    const res = await gql(LIST, {}, lister);
    expect(res.body.errors).toBeUndefined();
    expect(vaultReads.count).toBe(1);
    const notes = res.body.data!.cases.nodes.map((c: { personalData: { caseNotes: { notes: string } } }) => c.personalData.caseNotes.notes).sort();
    expect(notes).toEqual(['Notitie 0', 'Notitie 1', 'Notitie 2']);
  });
});

import { randomUUID } from 'node:crypto';
import { caller, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from '../db';
import { coordinatorBases, type PersonalDataGate } from '../domain/personal-data-gate';
import { createCasesServer } from '../server';
import { createTestReferral } from '../test-fixtures';
import { testCasesSettings } from '../test-settings';

// The gate is where consent plugs in (issue 5): whatever it allows is opened, and when it cannot answer,
// everything is withheld without failing the response.

const contactOnlyForPartners: PersonalDataGate = {
  async mayRead(_ctx, view, categories) {
    if (view.access === 'COORDINATOR') return coordinatorBases(categories);
    if (view.access === 'PARTNER_ACCEPTED') return new Map([['CONTACT', { kind: 'CONSENT', consentRecordId: randomUUID() }]]);
    return new Map();
  },
};
const unreachable: PersonalDataGate = {
  async mayRead() {
    throw new Error('consent service unreachable');
  },
};

const startWith = (gate: PersonalDataGate) =>
  startTestSubgraph({
    name: 'cases',
    createDb: createCasesDb,
    createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings({ personalDataGate: gate }) }),
  });

const PERSONAL = 'personalData { identity { name } contact { phone } health { notes } caseNotes { notes } withheld }';
const CREATE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { reference ${PERSONAL} } } }`;
const ONE = `query ($id: ID!) { case(id: $id) { reference ${PERSONAL} } }`;
const INPUT = {
  urgency: 'URGENT',
  needs: ['SHELTER'],
  personalData: { identity: { name: 'Voorbeeld Naam' }, contact: { phone: '+31 6 0000 0002' }, health: { notes: 'Voorbeeld' } },
};

describe('the personal-data gate', () => {
  it('opens what the plugged-in gate allows a partner holding the person, and withholds the rest', async () => {
    const cases = await startWith(contactOnlyForPartners);
    try {
      const centre = randomUUID();
      const partner = randomUUID();
      const created = await cases.gql({ query: CREATE, variables: { input: INPUT } }, caller(centre, ['COORDINATOR']));
      const caseId = created.body?.data?.createCase.id as string;
      await createTestReferral(cases.admin, { caseId, organisationId: partner, coordinatingOrganisationId: centre, state: 'ACCEPTED' });
      const res = await cases.gql({ query: ENTITIES, variables: { r: [{ __typename: 'Case', id: caseId }] } }, caller(partner, ['PARTNER_STAFF']));
      expect(res.body?.data?._entities[0].personalData).toEqual({
        identity: null,
        contact: { phone: '+31 6 0000 0002' },
        health: null,
        caseNotes: null,
        withheld: ['IDENTITY', 'HEALTH', 'CASE_NOTES'],
      });
    } finally {
      await cases.close();
    }
  });

  it('withholds everything, without an error, when the gate cannot answer (fail closed)', async () => {
    const cases = await startWith(unreachable);
    try {
      const coordinator = caller(randomUUID(), ['COORDINATOR']);
      const created = await cases.gql({ query: CREATE, variables: { input: INPUT } }, coordinator);
      const res = await cases.gql({ query: ONE, variables: { id: created.body?.data?.createCase.id } }, coordinator);
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.case.reference).toMatch(/^HVN-/);
      expect(res.body?.data?.case.personalData).toEqual({
        identity: null,
        contact: null,
        health: null,
        caseNotes: null,
        withheld: ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'],
      });
    } finally {
      await cases.close();
    }
  });
});

describe('what a read opens and records', () => {
  it('opens and audits only the categories the query selects; asking for withheld alone opens nothing', async () => {
    const cases = await startWith(contactOnlyForPartners);
    try {
      const coordinator = caller(randomUUID(), ['COORDINATOR']);
      const created = await cases.gql({ query: CREATE, variables: { input: INPUT } }, coordinator);
      const caseId = created.body?.data?.createCase.id as string;
      const readOf = async (selection: string) => {
        const res = await cases.gql({ query: `query ($id: ID!) { case(id: $id) { personalData { ${selection} } } }`, variables: { id: caseId } }, coordinator);
        return res.body?.data?.case.personalData;
      };
      expect(await readOf('contact { phone } withheld')).toEqual({ contact: { phone: '+31 6 0000 0002' }, withheld: [] });
      expect(await readOf('... on CasePersonalData { health { notes } }')).toEqual({ health: { notes: 'Voorbeeld' } });
      expect(await readOf('withheld')).toEqual({ withheld: [] });
      const reads = await cases.admin.$queryRaw<{ categories: string[] }[]>`
        SELECT "categories" FROM "audit"."AuditEvent" WHERE "caseId" = ${caseId}::uuid AND "action" = 'personal-data.read' ORDER BY "seq"`;
      expect(reads.map((r) => r.categories)).toEqual([['CONTACT'], ['HEALTH']]);
    } finally {
      await cases.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from '../db';
import { createCasesServer } from '../server';
import { createTestReferral } from '../test-fixtures';
import { testCasesSettings } from '../test-settings';

// Break glass through the cases subgraph. The consent service is unreachable here, so everything a partner
// reads comes from the emergency grant alone (and the rest stays withheld: fail closed).

const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }) });
const CREATE = `mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const GRANT = `mutation ($input: GrantEmergencyAccessInput!) { grantEmergencyAccess(input: $input) { id category reason expiresAt organisation { id } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { personalData { contact { whereabouts } health { notes } withheld emergency { category reason } } } } }`;
const GRANTS = `query ($id: ID!) { case(id: $id) { emergencyGrants { category reason organisation { id } } } }`;

let cases: Awaited<ReturnType<typeof startCases>>;
const centre = randomUUID();
const partner = randomUUID();
const otherPartner = randomUUID();
const coordinator = caller(centre, ['COORDINATOR']);
let caseId: string;
const REASON = 'Direct gevaar: opvang moet weten waar de persoon is';

beforeAll(async () => {
  cases = await startCases();
  const created = await cases.gql(
    { query: CREATE, variables: { input: { urgency: 'IMMEDIATE', needs: ['SHELTER'], personalData: { contact: { whereabouts: 'Station Utrecht' }, health: { notes: 'Voorbeeld' } } } } },
    coordinator,
  );
  caseId = created.body?.data?.createCase.id;
  await createTestReferral(cases.admin, { caseId, organisationId: partner, coordinatingOrganisationId: centre, state: 'SENT' });
});
afterAll(async () => {
  await cases?.close();
});

const grant = (who: ReturnType<typeof caller>, change: Record<string, unknown> = {}) =>
  cases.gql({ query: GRANT, variables: { input: { caseId, organisationId: partner, category: 'CONTACT', reason: REASON, ...change } } }, who);
const readAs = (organisation: string) =>
  cases.gql({ query: ENTITIES, variables: { r: [{ __typename: 'Case', id: caseId }] } }, caller(organisation, ['PARTNER_STAFF']));

describe('emergency access (break glass)', () => {
  it('refuses a grant without a real reason, for an organisation without an active referral, and for non-coordinators', async () => {
    expect(errorCodes(await grant(coordinator, { reason: 'nood' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await grant(coordinator, { organisationId: otherPartner }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await grant(caller(randomUUID(), ['COORDINATOR'])))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await grant(caller(partner, ['PARTNER_ADMIN'])))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await grant(caller(centre, ['NETWORK_ADMIN'])))).toEqual(['FORBIDDEN']);
    expect(await cases.admin.emergencyGrant.count({ where: { caseId } })).toBe(0);
  });

  it('opens one category for that partner, flagged with the reason, for a few hours; the rest stays withheld', async () => {
    expect((await readAs(partner)).body?.data?._entities[0].personalData.contact).toBeNull();
    const res = await grant(coordinator);
    expect(res.body?.errors).toBeUndefined();
    const expiresIn = new Date(res.body?.data?.grantEmergencyAccess.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(3.9 * 3_600_000);
    expect(expiresIn).toBeLessThanOrEqual(4 * 3_600_000);

    const seen = (await readAs(partner)).body?.data?._entities[0].personalData;
    expect(seen).toEqual({
      contact: { whereabouts: 'Station Utrecht' },
      health: null,
      withheld: ['IDENTITY', 'HEALTH', 'CASE_NOTES'],
      emergency: [{ category: 'CONTACT', reason: REASON }],
    });
    // Another partner gets nothing of the case at all.
    expect((await readAs(otherPartner)).body?.data?._entities).toEqual([null]);
    const listed = await cases.gql({ query: GRANTS, variables: { id: caseId } }, coordinator);
    expect(listed.body?.data?.case.emergencyGrants).toEqual([{ category: 'CONTACT', reason: REASON, organisation: { id: partner } }]);
  });

  it('stops opening the category once the grant has expired', async () => {
    await cases.admin.emergencyGrant.updateMany({ where: { caseId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const seen = (await readAs(partner)).body?.data?._entities[0].personalData;
    expect([seen.contact, seen.emergency]).toEqual([null, []]);
  });
});

describe('emergency access ends with the referral', () => {
  it('opens nothing once the organisation has no active referral of the case, even before the grant expires', async () => {
    const res = await cases.gql(
      { query: CREATE, variables: { input: { urgency: 'IMMEDIATE', needs: ['SHELTER'], personalData: { contact: { whereabouts: 'Station Zwolle' } } } } },
      coordinator,
    );
    const otherCase = res.body?.data?.createCase.id as string;
    const referral = await createTestReferral(cases.admin, { caseId: otherCase, organisationId: partner, coordinatingOrganisationId: centre, state: 'ACCEPTED' });
    const granted = await cases.gql({ query: GRANT, variables: { input: { caseId: otherCase, organisationId: partner, category: 'CONTACT', reason: REASON } } }, coordinator);
    expect(granted.body?.errors).toBeUndefined();
    const read = () => cases.gql({ query: ENTITIES, variables: { r: [{ __typename: 'Case', id: otherCase }] } }, caller(partner, ['PARTNER_STAFF']));
    expect((await read()).body?.data?._entities[0].personalData.contact).toEqual({ whereabouts: 'Station Zwolle' });
    await cases.admin.referral.update({ where: { id: referral.id }, data: { state: 'WITHDRAWN' } });
    const after = (await read()).body?.data?._entities[0].personalData;
    expect([after.contact, after.emergency, after.withheld]).toEqual([null, [], ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES']]);
  });
});

import { randomUUID } from 'node:crypto';
import { createCasesDb } from '@haven/cases/src/db';
import { createCasesServer } from '@haven/cases/src/server';
import { deleteTestCases } from '@haven/cases/src/test-fixtures';
import { testCasesSettings } from '@haven/cases/src/test-settings';
import { createIdentityDb } from '@haven/identity/src/db';
import { createIdentityServer } from '@haven/identity/src/server';
import { createOrganisation, createUser } from '@haven/identity/src/testing/fixtures';
import { caller, errorCodes, postGraphql, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { Identity } from '@haven/kit/src/trust/tokens';

// Handing a case over: the cases subgraph asks the real identity subgraph (signed internal call) whether
// the new coordinator is one. Both run with one key set, as in a deployment.

const HAND_OVER = `mutation ($caseId: ID!, $toUserId: ID!, $reason: String) {
  handOverCase(caseId: $caseId, toUserId: $toUserId, reason: $reason) { id coordinator { id } }
}`;
const CREATE = 'mutation ($input: CreateCaseInput!) { createCase(input: $input) { id } }';

describe('handOverCase against the identity subgraph', () => {
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  let cases: Awaited<ReturnType<typeof startCases>>;
  let organisationId: string;
  let otherOrganisationId: string;
  let coordinator: Identity;

  const startIdentity = () =>
    startTestSubgraph({ name: 'identity', createDb: createIdentityDb, createServer: (deps) => createIdentityServer(deps) });
  const startCases = (identityUrl: string, keys: Awaited<ReturnType<typeof startIdentity>>['keys']) =>
    startTestSubgraph({
      name: 'cases',
      createDb: createCasesDb,
      createServer: (deps) => createCasesServer({ ...deps, keys: partKeysFromSet(keys, 'cases'), settings: testCasesSettings({ identityUrl }) }),
    });
  /** Signed as the gateway signs, with the key set both subgraphs trust. */
  const gql = (query: string, variables: Record<string, unknown>, who: Identity) =>
    postGraphql({ url: cases.url, name: 'cases' }, identity.keys, { query, variables }, who);

  beforeAll(async () => {
    identity = await startIdentity();
    cases = await startCases(identity.url, identity.keys);
    organisationId = (await createOrganisation(identity.admin, { kind: 'COORDINATING' })).id;
    otherOrganisationId = (await createOrganisation(identity.admin, { kind: 'COORDINATING' })).id;
    const user = await createUser(identity.admin, { memberships: [{ organisationId, role: 'COORDINATOR' }] });
    coordinator = caller(organisationId, ['COORDINATOR'], user.id as ReturnType<typeof randomUUID>);
  });
  afterAll(async () => {
    await deleteTestCases(cases.admin, [organisationId]);
    await Promise.all([cases?.close(), identity?.close()]);
  });

  async function newCase(): Promise<string> {
    const res = await gql(CREATE, { input: { urgency: 'STANDARD', needs: ['SHELTER'] } }, coordinator);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createCase.id;
  }

  it('hands the case to an active coordinator of the same organisation and records who did it', async () => {
    const caseId = await newCase();
    const colleague = await createUser(identity.admin, { memberships: [{ organisationId, role: 'COORDINATOR' }] });
    const res = await gql(HAND_OVER, { caseId, toUserId: colleague.id, reason: 'Verlof' }, coordinator);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.handOverCase).toEqual({ id: caseId, coordinator: { id: colleague.id } });
    const events = await cases.admin.timelineEvent.findMany({ where: { caseId, kind: 'CASE_HANDED_OVER' } });
    expect(events).toEqual([
      expect.objectContaining({ actorUserId: coordinator.subject, actorOrganisationId: organisationId, subjectUserId: colleague.id, reasonText: 'Verlof' }),
    ]);
  });

  it.each([
    ['a network admin of the organisation', () => createUser(identity.admin, { memberships: [{ organisationId, role: 'NETWORK_ADMIN' }] })],
    ['a coordinator of another organisation', () => createUser(identity.admin, { memberships: [{ organisationId: otherOrganisationId, role: 'COORDINATOR' }] })],
    ['a deactivated coordinator', () => createUser(identity.admin, { active: false, memberships: [{ organisationId, role: 'COORDINATOR' }] })],
    ['an unknown user', async () => ({ id: randomUUID() })],
  ])('refuses %s with BAD_USER_INPUT on toUserId and changes nothing', async (_label, makeUser) => {
    const caseId = await newCase();
    const target = await makeUser();
    const res = await gql(HAND_OVER, { caseId, toUserId: target.id }, coordinator);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.extensions!.field).toBe('toUserId');
    expect(await cases.admin.case.findUnique({ where: { id: caseId } })).toMatchObject({ coordinatorUserId: coordinator.subject });
    expect(await cases.admin.timelineEvent.count({ where: { caseId, kind: 'CASE_HANDED_OVER' } })).toBe(0);
  });

  it('refuses a coordinator of another organisation with NOT_FOUND', async () => {
    const caseId = await newCase();
    const colleague = await createUser(identity.admin, { memberships: [{ organisationId, role: 'COORDINATOR' }] });
    const res = await gql(HAND_OVER, { caseId, toUserId: colleague.id }, caller(otherOrganisationId, ['COORDINATOR']));
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(await cases.admin.case.findUnique({ where: { id: caseId } })).toMatchObject({ coordinatorUserId: coordinator.subject });
  });

  it('refuses partner staff with FORBIDDEN', async () => {
    const caseId = await newCase();
    const res = await gql(HAND_OVER, { caseId, toUserId: randomUUID() }, caller(randomUUID(), ['PARTNER_STAFF']));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('closes a case over HTTP: closedAt for its coordinators, FORBIDDEN for partner staff, INVALID_TRANSITION the second time', async () => {
    const caseId = await newCase();
    const CLOSE = 'mutation ($caseId: ID!) { closeCase(caseId: $caseId, reason: "Afgerond") { id status closedAt } }';
    expect(errorCodes(await gql(CLOSE, { caseId }, caller(randomUUID(), ['PARTNER_STAFF'])))).toEqual(['FORBIDDEN']);
    const res = await gql(CLOSE, { caseId }, coordinator);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.closeCase).toEqual({ id: caseId, status: 'CLOSED', closedAt: expect.any(String) });
    expect(errorCodes(await gql(CLOSE, { caseId }, coordinator))).toEqual(['INVALID_TRANSITION']);
  });
});

import { randomUUID } from 'node:crypto';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from '../../db';
import { createCasesServer } from '../../server';
import { createTestCase, createTestReferral } from '../../test-fixtures';
import { testCasesSettings } from '../../test-settings';

// When partners does not answer: accepting fails with a retryable error and changes nothing; answers
// that need no slot still go through, and what partners must hear waits for the jobs.

const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }) });

let cases: Awaited<ReturnType<typeof startCases>>;
const centre = randomUUID();
const partner = randomUUID();
beforeAll(async () => {
  cases = await startCases();
});
afterAll(async () => {
  await cases?.close();
});

async function sentReferral(state: 'SENT' | 'ACCEPTED' = 'SENT') {
  const kase = await createTestCase(cases.admin, { coordinatingOrganisationId: centre });
  return createTestReferral(cases.admin, { caseId: kase.id, organisationId: partner, coordinatingOrganisationId: centre, state });
}

describe('transitions while partners is unreachable', () => {
  it('refuses to accept with SERVICE_UNAVAILABLE and leaves the referral, its timeline and slots as they were', async () => {
    const referral = await sentReferral();
    const res = await cases.gql({ query: 'mutation ($id: ID!) { acceptReferral(id: $id) { state } }', variables: { id: referral.id } }, caller(partner, ['PARTNER_STAFF']));
    expect(errorCodes(res)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.body?.errors?.[0]?.message).not.toMatch(/partners|127\.0\.0\.1/);
    expect((await cases.admin.referral.findUniqueOrThrow({ where: { id: referral.id } })).state).toBe('SENT');
    expect(await cases.admin.timelineEvent.count({ where: { referralId: referral.id } })).toBe(0);
  });

  it('still declines (no slot involved); the response report waits for the job', async () => {
    const referral = await sentReferral();
    const res = await cases.gql(
      { query: 'mutation ($id: ID!) { declineReferral(id: $id, reason: NOT_ELIGIBLE) { state } }', variables: { id: referral.id } },
      caller(partner, ['PARTNER_STAFF']),
    );
    expect(res.body?.data?.declineReferral).toEqual({ state: 'DECLINED' });
    const row = await cases.admin.referral.findUniqueOrThrow({ where: { id: referral.id } });
    expect([row.respondedAt !== null, row.responseReportedAt]).toEqual([true, null]);
  });

  it('still withdraws an accepted referral; the slot is released later by reconciliation', async () => {
    const referral = await sentReferral('ACCEPTED');
    const res = await cases.gql(
      { query: 'mutation ($id: ID!) { withdrawReferral(id: $id, reason: "Client moved") { state } }', variables: { id: referral.id } },
      caller(centre, ['COORDINATOR']),
    );
    expect(res.body?.data?.withdrawReferral).toEqual({ state: 'WITHDRAWN' });
  });
});

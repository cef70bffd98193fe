import { randomUUID } from 'node:crypto';
import { caller, errorCodes, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createCasesDb } from '../db';
import { createCasesServer } from '../server';
import { createTestCase, createTestReferral } from '../test-fixtures';
import { testCasesSettings } from '../test-settings';

// overdueReferrals: what a coordinator must look at — unanswered past the deadline, or expired with nobody
// else answering that need — on their own organisation's open cases, longest overdue first, a page at a time.

const startCases = () =>
  startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: (deps) => createCasesServer({ ...deps, settings: testCasesSettings() }) });
const OVERDUE = `query ($first: Int, $after: String) { overdueReferrals(first: $first, after: $after) { nodes { id state overdue } endCursor hasNextPage } }`;
const HOUR = 3_600_000;

let cases: Awaited<ReturnType<typeof startCases>>;
const centre = randomUUID();
const otherCentre = randomUUID();
const partner = randomUUID();
const ids: Record<string, string> = {};

beforeAll(async () => {
  cases = await startCases();
  const referral = async (name: string, options: { state?: 'SENT' | 'EXPIRED' | 'ACCEPTED'; hoursLate: number; need?: 'SHELTER' | 'LEGAL_AID'; caseId?: string; organisation?: string; closed?: boolean }) => {
    const organisation = options.organisation ?? centre;
    const caseId = options.caseId ?? (await createTestCase(cases.admin, { coordinatingOrganisationId: organisation, status: options.closed ? 'CLOSED' : 'OPEN', needs: ['SHELTER', 'LEGAL_AID'] })).id;
    const row = await createTestReferral(cases.admin, {
      caseId,
      organisationId: partner,
      coordinatingOrganisationId: organisation,
      state: options.state ?? 'SENT',
      need: options.need ?? 'SHELTER',
      deadlineAt: new Date(Date.now() - options.hoursLate * HOUR),
    });
    ids[name] = row.id;
    return row;
  };
  await referral('lateSent', { hoursLate: 5 });
  await referral('lateSentLonger', { hoursLate: 9 });
  await referral('notYetDue', { hoursLate: -3 });
  const expired = await referral('expiredAlone', { state: 'EXPIRED', hoursLate: 7 });
  await referral('expiredButAnswered', { state: 'EXPIRED', hoursLate: 8 });
  await referral('answeredElsewhere', { state: 'ACCEPTED', hoursLate: -1, caseId: (await cases.admin.referral.findUniqueOrThrow({ where: { id: ids.expiredButAnswered! } })).caseId });
  await referral('otherNeedActive', { state: 'SENT', hoursLate: -2, need: 'LEGAL_AID', caseId: expired.caseId });
  await referral('closedCase', { hoursLate: 6, closed: true });
  await referral('otherOrganisation', { hoursLate: 6, organisation: otherCentre });
});
afterAll(async () => {
  await cases?.close();
});

describe('overdueReferrals', () => {
  it('lists late SENT referrals and EXPIRED ones nobody else answers, on open cases of the own organisation, longest overdue first', async () => {
    const res = await cases.gql({ query: OVERDUE, variables: { first: 100 } }, caller(centre, ['COORDINATOR']));
    expect(res.body?.errors).toBeUndefined();
    const nodes = res.body?.data?.overdueReferrals.nodes as { id: string; state: string; overdue: boolean }[];
    expect(nodes.map((n) => n.id)).toEqual([ids.lateSentLonger, ids.expiredAlone, ids.lateSent]);
    expect(nodes.map((n) => [n.state, n.overdue])).toEqual([['SENT', true], ['EXPIRED', false], ['SENT', true]]);
  });

  it('pages with a cursor', async () => {
    const coordinator = caller(centre, ['COORDINATOR']);
    const first = await cases.gql({ query: OVERDUE, variables: { first: 2 } }, coordinator);
    const page = first.body?.data?.overdueReferrals;
    expect([page.nodes.length, page.hasNextPage]).toEqual([2, true]);
    const second = await cases.gql({ query: OVERDUE, variables: { first: 2, after: page.endCursor } }, coordinator);
    expect(second.body?.data?.overdueReferrals.nodes.map((n: { id: string }) => n.id)).toEqual([ids.lateSent]);
  });

  it.each([
    ['partner staff', () => caller(partner, ['PARTNER_STAFF']), 'FORBIDDEN'],
    ['a network admin', () => caller(centre, ['NETWORK_ADMIN']), 'FORBIDDEN'],
    ['an anonymous caller', () => null, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_who, who, code) => {
    const res = await cases.gql({ query: OVERDUE, variables: { first: 10 } }, who());
    expect(errorCodes(res)).toEqual([code]);
    expect(res.body?.data?.overdueReferrals ?? null).toBeNull();
  });
});

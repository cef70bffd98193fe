import { randomUUID } from 'node:crypto';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { newCaseReference } from '@haven/cases/src/domain/create-case';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';

// No N+1: a page of 5 referrals and a page of 50, each with its case, service and organisation (and the
// thread's unread count), cost the same number of SQL statements across all services.

const INBOX = `query ($first: Int!) {
  incomingReferrals(first: $first) {
    nodes { id state deadlineAt case { reference urgency needs ageGroup } service { id name } organisation { id name } messageThread { unreadCount } }
    hasNextPage
  }
}`;
const DASHBOARD = `query ($first: Int!) {
  sentReferrals(first: $first) {
    nodes { id state case { reference coordinator { id } } service { id name } organisation { id name } }
  }
}`;

let stack: Stack;
const statements: Record<SubgraphName, number> = { identity: 0, partners: 0, cases: 0, consent: 0 };
// Partner A's inbox is shared with other test files, so the pages are measured on whatever is there, with
// at least 50 rows guaranteed. Every referral here goes to its own service, and the dashboard's ones to
// eleven different organisations, so a per-service or per-organisation lookup would show in the counts.
beforeAll(async () => {
  stack = await startStack({ onQuery: (service) => (statements[service] += 1) });
  const organisations: string[] = [TEST_ORGANISATIONS.partnerA.id];
  for (let n = 0; n < 10; n++) {
    const organisation = await stack.dbs.identity.organisation.create({ data: { name: `N+1 test partner ${randomUUID().slice(0, 8)}`, kind: 'PARTNER' } });
    await stack.dbs.partners.organisationProfile.create({ data: { organisationId: organisation.id, province: 'UTRECHT', city: 'Utrecht' } });
    organisations.push(organisation.id);
  }
  for (let n = 0; n < 110; n++) {
    // The first 55 to partner A (its inbox), the next 55 spread over all eleven organisations.
    const organisationId = n < 55 ? TEST_ORGANISATIONS.partnerA.id : organisations[n % organisations.length]!;
    const service = await stack.dbs.partners.service.create({
      data: { organisationId, type: 'SHELTER', name: `N+1 test service ${n} ${randomUUID().slice(0, 6)}`, province: 'UTRECHT' },
    });
    const kase = await stack.dbs.cases.case.create({
      data: {
        reference: newCaseReference(),
        urgency: 'URGENT',
        needs: ['SHELTER'],
        coordinatingOrganisationId: TEST_ORGANISATIONS.centre.id,
        coordinatorUserId: TEST_USERS.coordinatorA.id,
      },
    });
    await stack.dbs.cases.referral.create({
      data: {
        caseId: kase.id,
        serviceId: service.id,
        need: 'SHELTER',
        organisationId,
        coordinatingOrganisationId: TEST_ORGANISATIONS.centre.id,
        sentByUserId: TEST_USERS.coordinatorA.id,
        // Deadlines before any other file's, so both pages consist of these rows; the spread ones first, so
        // the dashboard's page covers all eleven organisations.
        deadlineAt: new Date(Date.now() - 365 * 86_400_000 + (n < 55 ? 100 + n : n - 55) * 60_000),
      },
    });
  }
});
afterAll(async () => {
  await stack?.close();
});

async function statementsFor(query: string, first: number, token: string) {
  for (const service of Object.keys(statements) as SubgraphName[]) statements[service] = 0;
  const { body } = await stack.graphql(query, { first }, token);
  expect(body.errors).toBeUndefined();
  const nodes = Object.values(body.data as Record<string, { nodes: unknown[] }>)[0]!.nodes;
  expect(nodes).toHaveLength(first);
  return { ...statements };
}

describe('referral lists cost the same number of statements for 5 and for 50 items', () => {
  it.each([
    ["a partner's inbox", INBOX, 'staffA'],
    ["a coordinator's dashboard", DASHBOARD, 'coordinatorA'],
  ] as const)('%s', async (_what, query, user) => {
    const token = await stack.login(TEST_USERS[user].email);
    await statementsFor(query, 5, token); // warm: the first request may prepare things once
    const five = await statementsFor(query, 5, token);
    const fifty = await statementsFor(query, 50, token);
    expect(fifty).toEqual(five);
    expect(five.cases).toBeGreaterThan(0);
    expect(five.partners).toBeGreaterThan(0);
  });
});

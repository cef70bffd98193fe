import { randomUUID } from 'node:crypto';
import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { gatewayAssertion, identityFor, postToSubgraph, type GraphqlBody } from '../support/trust';

// `_entities` is a second door into every subgraph. Even with a valid gateway assertion, the
// per-object rules must hold for what it returns.

let stack: Stack;
let caseId: string;
beforeAll(async () => {
  stack = await startStack();
  const token = await stack.login(TEST_USERS.coordinatorA.email);
  const created = await stack.graphql(
    'mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }',
    { input: { urgency: 'URGENT', needs: ['SHELTER'] } },
    token,
  );
  caseId = created.body.data?.createCase?.id;
  if (!caseId) throw new Error(`could not create a case: ${JSON.stringify(created.body.errors)}`);
});
afterAll(async () => {
  await stack?.close();
});

/** A case of another coordinating organisation, written straight into the cases database. */
async function caseOfAnotherOrganisation(): Promise<string> {
  const row = await stack.dbs.cases.case.create({
    data: {
      reference: `HVN-T${randomUUID().slice(0, 7).toUpperCase()}`,
      urgency: 'STANDARD',
      needs: ['LEGAL_AID'],
      coordinatingOrganisationId: randomUUID(),
      coordinatorUserId: randomUUID(),
    },
  });
  return row.id;
}

async function entities(subgraph: 'cases' | 'identity', representations: object[], selection: string, identityToken: string) {
  const body: GraphqlBody = {
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
    variables: { r: representations },
  };
  const assertion = await gatewayAssertion(stack.keys, { audience: subgraph, body, identityToken });
  return postToSubgraph(stack.subgraphUrls[subgraph], body, { assertion, identityToken });
}

const coordinatorOfCentre = () =>
  identityFor(stack.keys, { subject: TEST_USERS.coordinatorA.id, organisationId: TEST_ORGANISATIONS.centre.id, roles: ['COORDINATOR'] });
const staffOfPartnerB = () =>
  identityFor(stack.keys, { subject: TEST_USERS.staffB.id, organisationId: TEST_ORGANISATIONS.partnerB.id, roles: ['PARTNER_STAFF'] });
const coordinatorOfPartnerB = () =>
  // A coordinator role held in another organisation must not open the centre's cases either.
  identityFor(stack.keys, { subject: TEST_USERS.staffB.id, organisationId: TEST_ORGANISATIONS.partnerB.id, roles: ['COORDINATOR'] });

describe('_entities with a valid gateway assertion', () => {
  const CASE_FIELDS = '... on Case { id reference urgency }';

  it('gives a coordinator of the case’s organisation the case (the control)', async () => {
    const response = await entities('cases', [{ __typename: 'Case', id: caseId }], CASE_FIELDS, await coordinatorOfCentre());
    expect(response.body?.errors).toBeUndefined();
    expect(response.body?.data?._entities?.[0]).toMatchObject({ id: caseId, urgency: 'URGENT' });
  });

  it('does not give partner staff of another organisation a case', async () => {
    const response = await entities('cases', [{ __typename: 'Case', id: caseId }], CASE_FIELDS, await staffOfPartnerB());
    expect(JSON.stringify(response.body?.data ?? null)).not.toContain('URGENT');
    // The cases service resolves a reference it may not show as null (as if it did not exist).
    expect(response.status).toBe(200);
    expect(response.body?.data?._entities?.[0] ?? null).toBeNull();
  });

  it('does not give a coordinator role in another organisation a case', async () => {
    const response = await entities('cases', [{ __typename: 'Case', id: caseId }], CASE_FIELDS, await coordinatorOfPartnerB());
    expect(response.body?.data?._entities?.[0] ?? null).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain('URGENT');
  });

  it('decides each case in one _entities list on its own (no cached decision reused across items)', async () => {
    const otherCaseId = await caseOfAnotherOrganisation();
    for (const order of [
      [caseId, otherCaseId],
      [otherCaseId, caseId],
    ]) {
      const response = await entities(
        'cases',
        order.map((id) => ({ __typename: 'Case', id })),
        '... on Case { id }',
        await coordinatorOfCentre(),
      );
      const byId = order.map((id, index) => [id, response.body?.data?._entities?.[index]?.id ?? null]);
      expect(byId).toEqual(order.map((id) => [id, id === caseId ? caseId : null]));
    }
  });

  it('decides each user in one _entities list on its own: own email shown, another user’s withheld', async () => {
    const response = await entities(
      'identity',
      [
        { __typename: 'User', id: TEST_USERS.staffB.id },
        { __typename: 'User', id: TEST_USERS.coordinatorA.id },
      ],
      '... on User { id email }',
      await staffOfPartnerB(),
    );
    const text = JSON.stringify(response.body);
    expect(text).toContain(TEST_USERS.staffB.email);
    expect(text).not.toContain(TEST_USERS.coordinatorA.email);
  });

  it('gives a user their own email (the control)', async () => {
    const response = await entities('identity', [{ __typename: 'User', id: TEST_USERS.staffB.id }], '... on User { id email }', await staffOfPartnerB());
    expect(response.body?.data?._entities?.[0]).toEqual({ id: TEST_USERS.staffB.id, email: TEST_USERS.staffB.email });
  });

  it('does not give one user another user’s email', async () => {
    const response = await entities(
      'identity',
      [{ __typename: 'User', id: TEST_USERS.coordinatorA.id }],
      '... on User { id email displayName }',
      await staffOfPartnerB(),
    );
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(TEST_USERS.coordinatorA.email);
    expect(text).not.toContain(TEST_USERS.coordinatorA.displayName);
    expect(response.body?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('does not give an anonymous caller organisations through _entities', async () => {
    const body: GraphqlBody = {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { name } } }',
      variables: { r: [{ __typename: 'Organisation', id: TEST_ORGANISATIONS.centre.id }] },
    };
    const assertion = await gatewayAssertion(stack.keys, { audience: 'identity', body });
    const response = await postToSubgraph(stack.subgraphUrls.identity, body, { assertion });
    expect(JSON.stringify(response.body)).not.toContain(TEST_ORGANISATIONS.centre.name);
    expect(response.body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('through the gateway', () => {
  it('partner staff cannot read a case of the coordinating organisation by id', async () => {
    const token = await stack.login(TEST_USERS.staffB.email);
    const { body } = await stack.graphql('query($id: ID!) { case(id: $id) { id reference } }', { id: caseId }, token);
    expect(body.data?.case ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a coordinator reads the case’s coordinator through identity, but not another user’s email', async () => {
    const coordinatorB = await stack.login(TEST_USERS.coordinatorB.email);
    const { body } = await stack.graphql(
      'query($id: ID!) { case(id: $id) { id coordinator { id email } } }',
      { id: caseId },
      coordinatorB,
    );
    expect(body.data.case.id).toBe(caseId);
    expect(JSON.stringify(body)).not.toContain(TEST_USERS.coordinatorA.email);
    expect(body.errors?.some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });
});

import { TEST_ORGANISATIONS, TEST_USERS } from '../support/fixtures';
import { startStack, type Stack } from '../support/stack';
import { expiredGatewayAssertion, gatewayAssertion, identityFor, postToSubgraph, type GraphqlBody } from '../support/trust';

// Requests that skip the gateway: every subgraph must refuse anything the gateway did not sign for
// exactly this request, this subgraph and this identity — including the federation fields.

let stack: Stack;
let coordinator: string;
beforeAll(async () => {
  stack = await startStack();
  coordinator = await identityFor(stack.keys, {
    subject: TEST_USERS.coordinatorA.id,
    organisationId: TEST_ORGANISATIONS.centre.id,
    roles: ['COORDINATOR'],
  });
});
afterAll(async () => {
  await stack?.close();
});

const CASES: GraphqlBody = { query: '{ cases { nodes { id reference } } }', variables: {} };

function expectRefused(response: { status: number; body: any }) {
  expect(response.status).toBe(401);
  expect(response.body?.data).toBeUndefined();
  expect(response.body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

describe('a subgraph reached without the gateway', () => {
  it('accepts a request the gateway signed for it (the control for the refusals below)', async () => {
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: coordinator });
    const response = await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator });
    expect(response.status).toBe(200);
    expect(response.body?.errors).toBeUndefined();
    expect(Array.isArray(response.body?.data?.cases?.nodes)).toBe(true);
  });

  it.each(['identity', 'partners', 'cases', 'consent'] as const)('%s refuses a request without an assertion', async (name) => {
    expectRefused(await postToSubgraph(stack.subgraphUrls[name], { query: '{ __typename }' }));
  });

  it('refuses a valid identity that arrives without an assertion', async () => {
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { identityToken: coordinator }));
  });

  it('refuses an expired assertion', async () => {
    const assertion = expiredGatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: coordinator });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion that expired in transit (signed for one second, used after it)', async () => {
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: coordinator, ttlSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion minted for another subgraph', async () => {
    const assertion = await gatewayAssertion(stack.keys, { audience: 'partners', body: CASES, identityToken: coordinator });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion for a different request body', async () => {
    const signedFor: GraphqlBody = { query: '{ cases { nodes { id } } }', variables: {} };
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: signedFor, identityToken: coordinator });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion for the same query with other variables', async () => {
    const query = 'query($id: ID!) { case(id: $id) { id } }';
    const assertion = await gatewayAssertion(stack.keys, {
      audience: 'cases',
      body: { query, variables: { id: '00000000-0000-4000-8000-000000000001' } },
      identityToken: coordinator,
    });
    const sent = { query, variables: { id: '00000000-0000-4000-8000-000000000002' } };
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, sent, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion issued for another identity than the one sent with it', async () => {
    const other = await identityFor(stack.keys, { subject: TEST_USERS.staffB.id, organisationId: TEST_ORGANISATIONS.partnerB.id, roles: ['PARTNER_STAFF'] });
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: other });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an anonymous assertion used to smuggle in an identity', async () => {
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: null });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses a replayed assertion', async () => {
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: coordinator });
    const first = await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator });
    expect(first.status).toBe(200);
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an assertion signed with a key other than the gateway’s', async () => {
    // The identity service's key is trusted for identities, not for gateway assertions.
    const { signAssertion } = await import('@haven/kit/src/trust/tokens');
    const { graphqlRequestDigest } = await import('@haven/kit/src/trust/digest');
    const assertion = await signAssertion(stack.keys.identity.privateKey, {
      issuer: 'gateway',
      audience: 'cases',
      requestDigest: graphqlRequestDigest(CASES),
      identityToken: coordinator,
      requestId: 'forged',
    });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: coordinator }));
  });

  it('refuses an identity not signed by the identity service, even under a valid assertion', async () => {
    const { signIdentity } = await import('@haven/kit/src/trust/tokens');
    const forged = await signIdentity(stack.keys.gateway.privateKey, {
      subject: TEST_USERS.coordinatorA.id,
      kind: 'user',
      sessionId: 'forged',
      organisationId: TEST_ORGANISATIONS.centre.id,
      roles: ['COORDINATOR'],
      scopes: [],
    });
    const assertion = await gatewayAssertion(stack.keys, { audience: 'cases', body: CASES, identityToken: forged });
    expectRefused(await postToSubgraph(stack.subgraphUrls.cases, CASES, { assertion, identityToken: forged }));
  });

  it.each(['identity', 'partners', 'cases', 'consent'] as const)('%s refuses _service without an assertion', async (name) => {
    const response = await postToSubgraph(stack.subgraphUrls[name], { query: '{ _service { sdl } }' });
    expectRefused(response);
    expect(response.text).not.toContain('@key');
  });

  it.each(['identity', 'partners', 'cases', 'consent'] as const)('%s refuses _entities without an assertion', async (name) => {
    const body = {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [{ __typename: 'Organisation', id: TEST_ORGANISATIONS.centre.id }] },
    };
    expectRefused(await postToSubgraph(stack.subgraphUrls[name], body));
  });

  it('an anonymous caller with a valid assertion still cannot read _service', async () => {
    const body = { query: '{ _service { sdl } }' };
    const assertion = await gatewayAssertion(stack.keys, { audience: 'identity', body });
    const response = await postToSubgraph(stack.subgraphUrls.identity, body, { assertion });
    expect(response.body?.data?._service ?? null).toBeNull();
    expect(response.body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('identity’s resolve-session answers the gateway but refuses the same call signed by another part', async () => {
    const { signAssertion } = await import('@haven/kit/src/trust/tokens');
    const { sha256 } = await import('@haven/kit/src/trust/digest');
    const body = JSON.stringify({ token: 'not-a-session-token' });
    const call = async (issuer: 'gateway' | 'cases') => {
      const assertion = await signAssertion(stack.keys[issuer].privateKey, {
        issuer,
        audience: 'identity',
        requestDigest: sha256(body),
        identityToken: null,
        requestId: 'test',
      });
      const url = new URL('/internal/resolve-session', stack.subgraphUrls.identity);
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-haven-assertion': assertion }, body });
    };
    const fromGateway = await call('gateway');
    expect(fromGateway.status).toBe(200);
    expect(await fromGateway.json()).toEqual({ result: null });
    expect((await call('cases')).status).toBe(401);
  });
});

import { randomUUID } from 'node:crypto';
import { HEADER_ASSERTION, HEADER_IDENTITY, HEADER_REQUEST_ID } from '../http/internal-client';
import type { SubgraphName } from '../taxonomy';
import { graphqlRequestDigest } from '../trust/digest';
import type { PartKeys } from '../trust/keys';
import { signAssertion } from '../trust/tokens';

export interface SubgraphResponse<Data = any> {
  status: number;
  headers: Headers;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
}

export interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** The identity token the gateway would forward (from identity's resolve-session), or none. */
  identityToken?: string | null;
}

/**
 * Tests: POSTs one GraphQL request straight to a subgraph the way the gateway does — an assertion
 * signed with the gateway's key, bound to that subgraph, to this query and variables and to the
 * identity token travelling with it.
 */
export async function requestSubgraph<Data = any>(
  target: { url: string; audience: SubgraphName; gatewayKeys: PartKeys },
  request: SubgraphRequest,
): Promise<SubgraphResponse<Data>> {
  if (target.gatewayKeys.self !== 'gateway') throw new Error('sign subgraph requests with the gateway keys');
  const identityToken = request.identityToken ?? null;
  const variables = request.variables ?? {};
  const requestId = randomUUID();
  const assertion = await signAssertion(target.gatewayKeys.privateKey, {
    issuer: 'gateway',
    audience: target.audience,
    requestDigest: graphqlRequestDigest({ query: request.query, variables }),
    identityToken,
    requestId,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [HEADER_ASSERTION]: assertion,
    [HEADER_REQUEST_ID]: requestId,
  };
  if (identityToken) headers[HEADER_IDENTITY] = identityToken;
  const response = await fetch(target.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: request.query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as SubgraphResponse<Data>['body'];
  return { status: response.status, headers: response.headers, body };
}

/** The same, bound to one subgraph: `const client = subgraphClient({...}); await client.request(query, vars, token)`. */
export function subgraphClient(target: { url: string; audience: SubgraphName; gatewayKeys: PartKeys }) {
  return {
    request: <Data = any>(query: string, variables?: Record<string, unknown>, identityToken?: string | null) =>
      requestSubgraph<Data>(target, { query, variables, identityToken }),
  };
}

import { randomUUID, sign } from 'node:crypto';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { graphqlRequestDigest, sha256 } from '@haven/kit/src/trust/digest';
import type { generateKeySet } from '@haven/kit/src/trust/keys';
import { signAssertion, signIdentity, type Identity } from '@haven/kit/src/trust/tokens';

type KeySet = ReturnType<typeof generateKeySet>;

export interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A short-lived identity signed with identity's key, as identity's resolve-session would issue it. */
export function identityFor(keys: KeySet, identity: Partial<Identity> & Pick<Identity, 'subject'>, ttlSeconds?: number) {
  return signIdentity(
    keys.identity.privateKey,
    { kind: 'user', sessionId: randomUUID(), organisationId: null, roles: [], scopes: [], ...identity },
    ttlSeconds,
  );
}

/** A gateway assertion for exactly this body and identity, as the gateway would sign it. */
export function gatewayAssertion(
  keys: KeySet,
  options: { audience: SubgraphName; body: GraphqlBody; identityToken?: string | null; ttlSeconds?: number },
) {
  return signAssertion(
    keys.gateway.privateKey,
    {
      issuer: 'gateway',
      audience: options.audience,
      requestDigest: graphqlRequestDigest(options.body),
      identityToken: options.identityToken ?? null,
      requestId: randomUUID(),
    },
    options.ttlSeconds,
  );
}

/**
 * A gateway-signed assertion whose `exp` (and `iat`) lie in the past: what an expired one looks like.
 * Signed by hand (Ed25519 JWS) because kit's signAssertion only issues fresh ones.
 */
export function expiredGatewayAssertion(
  keys: KeySet,
  options: { audience: SubgraphName; body: GraphqlBody; identityToken?: string | null },
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'EdDSA', typ: 'haven-assertion+jwt' });
  const payload = encode({
    rqd: graphqlRequestDigest(options.body),
    idt: options.identityToken ? sha256(options.identityToken) : 'anonymous',
    rid: randomUUID(),
    iss: 'gateway',
    aud: options.audience,
    // iat within the accepted age, so only the expiry can be what refuses it.
    iat: now - 10,
    jti: randomUUID(),
    exp: now - 1,
  });
  const signature = sign(null, Buffer.from(`${header}.${payload}`), keys.gateway.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/**
 * POSTs straight to a subgraph, bypassing the gateway, with whatever assertion and identity the
 * test chooses (or none): the subgraph must refuse anything the gateway did not sign for this request.
 */
export async function postToSubgraph(
  url: string,
  body: GraphqlBody,
  headers: { assertion?: string | null; identityToken?: string | null } = {},
) {
  const sent: Record<string, string> = { 'content-type': 'application/json' };
  if (headers.assertion) sent['x-haven-assertion'] = headers.assertion;
  if (headers.identityToken) sent['x-haven-identity'] = headers.identityToken;
  const response = await fetch(url, { method: 'POST', headers: sent, body: JSON.stringify(body) });
  const text = await response.text();
  let json: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, body: json, text };
}

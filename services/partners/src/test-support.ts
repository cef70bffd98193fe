// Test helpers for the partners subgraph (not used by the service itself).
import { randomUUID } from 'node:crypto';
import { HEADER_IDENTITY } from '@haven/kit/src/http/internal-client';
import { createLogger } from '@haven/kit/src/log';
import type { Role } from '@haven/kit/src/taxonomy';
import { testDatabase } from '@haven/kit/src/testing/db';
import { requestSubgraph, type SubgraphResponse } from '@haven/kit/src/testing/subgraph-client';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity, type Identity } from '@haven/kit/src/trust/tokens';
import { createPartnersDb, type PartnersDb } from './db';
import { createPartnersServer } from './server';

export type KeySet = ReturnType<typeof generateKeySet>;
type Request = { query: string; variables?: Record<string, unknown> };

/** A caller as identity would vouch for it. */
export function caller(organisationId: string | null, roles: Role[], subject = randomUUID()): Identity {
  return { subject, kind: 'user', sessionId: randomUUID(), organisationId, roles, scopes: [] };
}

export function errorCodes(response: SubgraphResponse): unknown[] {
  return (response.body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Through the front door: signed like the gateway signs, carrying `identity` (or anonymous). */
export async function postGraphql(url: string, keys: KeySet, request: Request, identity: Identity | null) {
  const identityToken = identity ? await signIdentity(keys.identity.privateKey, identity) : null;
  return requestSubgraph({ url, audience: 'partners', gatewayKeys: partKeysFromSet(keys, 'gateway') }, { ...request, identityToken });
}

/** Around the gateway: a valid identity but no gateway assertion. */
export async function postWithoutAssertion(url: string, keys: KeySet, request: Request, identity: Identity) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HEADER_IDENTITY]: await signIdentity(keys.identity.privateKey, identity) },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as SubgraphResponse['body'] };
}

/** A partners subgraph on a free port with fresh keys, on the run's test database as its app role. */
export async function startPartners() {
  const keys = generateKeySet();
  const db: PartnersDb = createPartnersDb(testDatabase().appUrl('partners'), 4);
  const server = createPartnersServer({
    db,
    keys: partKeysFromSet(keys, 'partners'),
    log: createLogger({ service: 'partners-test' }, () => undefined),
    introspection: false,
  });
  const running = await server.listen(0);
  return {
    url: running.url,
    keys,
    db,
    gql: (request: Request, identity: Identity | null) => postGraphql(running.url, keys, request, identity),
    close: async () => {
      await running.close();
      await db.$disconnect();
    },
  };
}

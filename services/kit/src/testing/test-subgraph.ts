import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../http/apollo-http';
import type { DbSubgraphDeps } from '../http/db-subgraph';
import { HEADER_IDENTITY } from '../http/internal-client';
import { createLogger } from '../log';
import type { Role, SubgraphName } from '../taxonomy';
import { generateKeySet, partKeysFromSet } from '../trust/keys';
import { signIdentity, type Identity } from '../trust/tokens';
import { testDatabase, type TestDatabase } from './db';
import { requestSubgraph, type SubgraphResponse } from './subgraph-client';

// Test helpers for any subgraph (not used by the services themselves).

export type KeySet = ReturnType<typeof generateKeySet>;
export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** A caller as identity would vouch for it. */
export function caller(organisationId: string | null, roles: Role[], subject = randomUUID()): Identity {
  return { subject, kind: 'user', sessionId: randomUUID(), organisationId, roles, scopes: [] };
}

export function errorCodes(response: SubgraphResponse): unknown[] {
  return (response.body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Through the front door: signed like the gateway signs (with `keys`), carrying `identity` (or anonymous). */
export async function postGraphql(
  target: { url: string; name: SubgraphName },
  keys: KeySet,
  request: GraphqlRequest,
  identity: Identity | null,
) {
  const identityToken = identity ? await signIdentity(keys.identity.privateKey, identity) : null;
  return requestSubgraph(
    { url: target.url, audience: target.name, gatewayKeys: partKeysFromSet(keys, 'gateway') },
    { ...request, identityToken },
  );
}

/** Around the gateway: a valid identity but no gateway assertion. */
export async function postWithoutAssertion(url: string, keys: KeySet, request: GraphqlRequest, identity: Identity) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [HEADER_IDENTITY]: await signIdentity(keys.identity.privateKey, identity) },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as SubgraphResponse['body'] };
}

/**
 * A subgraph on a free port with fresh keys, on the run's test database as the service's app role:
 * `startTestSubgraph({ name: 'cases', createDb: createCasesDb, createServer: createCasesServer })`.
 * `db` is what the service itself gets; `admin` (the database owner) is for fixtures and clean-up the
 * app role may not do — tests never widen the service's grants.
 */
export async function startTestSubgraph<Db extends { $disconnect(): Promise<unknown> }>(options: {
  name: SubgraphName;
  createDb(databaseUrl: string, poolMax: number): Db;
  createServer(deps: DbSubgraphDeps<Db>): { listen(port: number): Promise<RunningServer> };
  /** Share one key set between subgraphs that call each other; fresh keys by default. */
  keys?: KeySet;
  /** Another database than the run's shared one (createIsolatedDatabase). */
  database?: TestDatabase;
}) {
  const { name } = options;
  const keys = options.keys ?? generateKeySet();
  const database = options.database ?? testDatabase();
  const db = options.createDb(database.appUrl(name), 4);
  const admin = options.createDb(database.adminUrl, 2);
  const server = options.createServer({
    db,
    keys: partKeysFromSet(keys, name),
    log: createLogger({ service: `${name}-test` }, () => undefined),
    introspection: false,
  });
  const running = await server.listen(0);
  return {
    name,
    url: running.url,
    keys,
    db,
    admin,
    gql: (request: GraphqlRequest, identity: Identity | null) => postGraphql({ url: running.url, name }, keys, request, identity),
    close: async () => {
      await running.close();
      await Promise.all([db.$disconnect(), admin.$disconnect()]);
    },
  };
}

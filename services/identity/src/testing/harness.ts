import { callInternal } from '@haven/kit/src/http/internal-client';
import { createMemoryLogger } from '@haven/kit/src/log';
import { subgraphClient, type SubgraphResponse } from '@haven/kit/src/testing/subgraph-client';
import { startTestSubgraph, type KeySet } from '@haven/kit/src/testing/test-subgraph';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { SessionSettings } from '../config';
import { createIdentityDb, type IdentityDb } from '../db';
import type { ResolvedSession } from '../domain/resolve-session';
import { createIdentityServer } from '../server';
import { markSecondFactor } from './second-factor';

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    sessionToken
    user { id email displayName }
    activeOrganisation { id name }
    memberships { role organisation { id } }
  }
}`;

export interface IdentityHarness {
  url: string;
  keys: KeySet;
  /** The service's own app role: what the code under test gets. */
  db: IdentityDb;
  /** The database owner: for fixtures and changes the app role may not make (never for the code under test). */
  admin: IdentityDb;
  logs: string[];
  /**
   * A GraphQL request signed as the gateway signs it, carrying an identity token as identity issued it
   * (from signIn / resolveSession), or none.
   */
  graphql<Data = any>(query: string, variables?: Record<string, unknown>, identityToken?: string | null): Promise<SubgraphResponse<Data>>;
  /** The gateway's call: session token → identity token (or null). */
  resolveSession(token: string): Promise<ResolvedSession | null>;
  login(email: string, password: string): Promise<SubgraphResponse>;
  /**
   * Logs in and resolves the session as the gateway would: both tokens, or a thrown error. A network admin's or
   * auditor's session is marked as opened with a second factor first (testing/second-factor.ts), unless
   * `{ secondFactor: false }`.
   */
  signIn(user: { email: string; password: string }, options?: { secondFactor?: boolean }): Promise<{ sessionToken: string; identityToken: string }>;
  close(): Promise<void>;
}

/**
 * The identity subgraph on port 0 against the run's test database (startTestSubgraph), logging into
 * memory so tests can check what the logs keep out.
 */
export async function startIdentity(sessions?: SessionSettings): Promise<IdentityHarness> {
  const log = createMemoryLogger();
  const subgraph = await startTestSubgraph({
    name: 'identity',
    createDb: createIdentityDb,
    createServer: (deps) => createIdentityServer({ ...deps, log, sessions }),
  });
  const gatewayKeys = partKeysFromSet(subgraph.keys, 'gateway');
  const client = subgraphClient({ url: subgraph.url, audience: 'identity', gatewayKeys });
  const resolveSession = (token: string) =>
    callInternal<ResolvedSession | null>({
      keys: gatewayKeys,
      target: 'identity',
      baseUrl: subgraph.url,
      route: 'resolve-session',
      body: { token },
      identityToken: null,
    });
  const login = (email: string, password: string) => client.request(LOGIN, { input: { email, password } });
  return {
    url: subgraph.url,
    keys: subgraph.keys,
    db: subgraph.db,
    admin: subgraph.admin,
    logs: log.lines,
    graphql: client.request,
    resolveSession,
    login,
    async signIn(user, { secondFactor = true } = {}) {
      const response = await login(user.email, user.password);
      const sessionToken = response.body.data?.login?.sessionToken;
      if (!sessionToken) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
      if (secondFactor) await markSecondFactor(subgraph.admin, sessionToken);
      const resolved = await resolveSession(sessionToken);
      if (!resolved) throw new Error('session did not resolve');
      return { sessionToken, identityToken: resolved.identityToken };
    },
    close: subgraph.close,
  };
}

import { callInternal } from '@haven/kit/src/http/internal-client';
import type { RunningServer } from '@haven/kit/src/http/subgraph-server';
import { createMemoryLogger } from '@haven/kit/src/log';
import { subgraphClient, type SubgraphResponse } from '@haven/kit/src/testing/subgraph-client';
import { testDatabase } from '@haven/kit/src/testing/db';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { SessionSettings } from '../config';
import { createIdentityDb, type IdentityDb } from '../db';
import type { ResolvedSession } from '../domain/resolve-session';
import { createIdentityServer } from '../server';

export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    sessionToken
    user { id email displayName }
    activeOrganisation { id name }
    memberships { role organisation { id } }
  }
}`;

export interface IdentityHarness {
  db: IdentityDb;
  server: RunningServer;
  keys: ReturnType<typeof generateKeySet>;
  logs: string[];
  /** A GraphQL request signed as the gateway signs it, optionally carrying an identity token. */
  graphql<Data = any>(query: string, variables?: Record<string, unknown>, identityToken?: string | null): Promise<SubgraphResponse<Data>>;
  /** The gateway's call: session token → identity token (or null). */
  resolveSession(token: string): Promise<ResolvedSession | null>;
  login(email: string, password: string): Promise<SubgraphResponse>;
  /** Logs in and resolves the session as the gateway would: both tokens, or a thrown error. */
  signIn(user: { email: string; password: string }): Promise<{ sessionToken: string; identityToken: string }>;
  close(): Promise<void>;
}

/** The identity subgraph on port 0 against the run's test database, with fresh keys for every part. */
export async function startIdentity(sessions?: SessionSettings): Promise<IdentityHarness> {
  const keys = generateKeySet();
  const gatewayKeys = partKeysFromSet(keys, 'gateway');
  const db = createIdentityDb(testDatabase().appUrl('identity'), 4);
  const log = createMemoryLogger();
  const server = await createIdentityServer({ db, keys: partKeysFromSet(keys, 'identity'), log, introspection: false, sessions }).listen(0);
  const client = subgraphClient({ url: server.url, audience: 'identity', gatewayKeys });
  const resolveSession = (token: string) =>
    callInternal<ResolvedSession | null>({
      keys: gatewayKeys,
      target: 'identity',
      baseUrl: server.url,
      route: 'resolve-session',
      body: { token },
      identityToken: null,
    });
  const login = (email: string, password: string) => client.request(LOGIN, { input: { email, password } });
  return {
    db,
    server,
    keys,
    logs: log.lines,
    graphql: client.request,
    resolveSession,
    login,
    async signIn(user) {
      const response = await login(user.email, user.password);
      const sessionToken = response.body.data?.login?.sessionToken;
      if (!sessionToken) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
      const resolved = await resolveSession(sessionToken);
      if (!resolved) throw new Error('session did not resolve');
      return { sessionToken, identityToken: resolved.identityToken };
    },
    async close() {
      await server.close();
      await db.$disconnect();
    },
  };
}

export function errorCodes(response: SubgraphResponse): string[] {
  return (response.body.errors ?? []).map((e) => String(e.extensions?.code));
}

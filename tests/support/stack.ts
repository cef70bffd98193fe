import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { RateLimits } from '@haven/gateway/src/rate-limits';
import { createGatewayServer } from '@haven/gateway/src/server';
import type { RunningServer } from '@haven/kit/src/http/subgraph-server';
import { createLogger, createMemoryLogger, type Logger } from '@haven/kit/src/log';
import { createPartMetrics, type PartMetrics } from '@haven/kit/src/metrics/part-metrics';
import { PARTS, SUBGRAPHS, type PartName, type SubgraphName } from '@haven/kit/src/taxonomy';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { testDatabase, type TestDatabase } from '@haven/kit/src/testing/db';
import { createCasesDb, type CasesDb } from '@haven/cases/src/db';
import { createCasesServer } from '@haven/cases/src/server';
import { testCasesSettings } from '@haven/cases/src/test-settings';
import { createConsentDb, type ConsentDb } from '@haven/consent/src/db';
import { createConsentServer } from '@haven/consent/src/server';
import { createIdentityDb, type IdentityDb } from '@haven/identity/src/db';
import { createIdentityServer } from '@haven/identity/src/server';
import { markSecondFactor } from '@haven/identity/src/testing/second-factor';
import { createPartnersDb, type PartnersDb } from '@haven/partners/src/db';
import { createPartnersServer } from '@haven/partners/src/server';
import { TEST_PASSWORD } from './fixtures';
import { seedStack } from './seed-stack';

export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

export interface GraphqlResponse<Data = any> {
  status: number;
  body: { data?: Data | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] };
  headers: Headers;
}

export interface StackDbs {
  identity: IdentityDb;
  partners: PartnersDb;
  cases: CasesDb;
  consent: ConsentDb;
}

export interface StartStackOptions {
  /** Introspection on the gateway and the subgraphs. Default false (as in production). */
  introspection?: boolean;
  /** Insert the fixture network (tests/support/fixtures.ts). Default true. */
  seed?: boolean;
  /** Called for every SQL statement a service sends (N+1 tests count them). */
  onQuery?: (service: SubgraphName) => void;
  /** Give every part its metrics (as HAVEN_METRICS_PORT does); read them from `stack.metrics`. Default false. */
  metrics?: boolean;
  /** Another database than the run's (the benchmark brings its own); the Jest run's database by default. */
  database?: TestDatabase;
  /** Where log lines go instead of `logs` (a benchmark's hundred thousand requests would fill memory). */
  logSink?: (line: string) => void;
  /** Benchmarks only: other builds of some subgraphs' schemas (e.g. without the permission maps). */
  schemas?: Partial<Record<SubgraphName, GraphQLSchema>>;
  /** Connections in each service's pool; 4 by default (tests), a benchmark uses the services' production default. */
  poolMax?: number;
  /**
   * The gateway's rate limits; unset ones are STACK_RATE_LIMITS. gateway-rate-limit.test.ts passes small ones to
   * see them bite; production's defaults (DEFAULT_RATE_LIMITS, gateway/src/rate-limits.ts) are what `npm start`,
   * the smoke test and the browser suite run with.
   */
  rateLimits?: Partial<RateLimits>;
  /** Peers whose X-Forwarded-For the gateway believes; the gateway's default (loopback) when unset. */
  trustedProxies?: readonly string[];
}

/**
 * A stack's tests all come from 127.0.0.1 as a handful of users, as fast as the machine allows, and check
 * behaviour, not pace — nor may a benchmark be throttled. So limits a test cannot reach: the limiter still
 * runs on every request (its cost is in every measurement), it just never refuses unless a test asks it to.
 */
export const STACK_RATE_LIMITS: RateLimits = { userPerMinute: 1_000_000, tokenPerMinute: 1_000_000, addressPerMinute: 1_000_000, loginPerMinute: 1_000_000 };

export interface Stack {
  /** e.g. http://127.0.0.1:41234/graphql */
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Every part's key pair; sign test assertions/identities with these (tests/support/trust.ts). */
  keys: ReturnType<typeof generateKeySet>;
  /** Each service's own Prisma client (app role), for arranging data and checking effects. */
  dbs: StackDbs;
  /** Every log line any part wrote (JSON strings): assert that nothing sensitive was logged. */
  logs: string[];
  /** Each part's metrics when started with `metrics: true`. */
  metrics?: Record<PartName, PartMetrics>;
  /**
   * POSTs one GraphQL operation to the gateway, as a client would, with an optional bearer token
   * (sent as `Authorization: Bearer <token>`) and optional extra request headers.
   */
  graphql<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    extraHeaders?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
  /**
   * Logs in through the gateway and returns the session token; throws when login fails. A network admin's or
   * auditor's session is then marked as opened with a second factor (markSecondFactor), as completeLogin would: the
   * fixture accounts have no TOTP secret (see there); `{ secondFactor: false }` leaves a password-only session.
   */
  login(email: string, password?: string, options?: { secondFactor?: boolean }): Promise<string>;
  /** Stops one subgraph (the gateway keeps running), e.g. to see how its absence is reported. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Stops the gateway and every subgraph, and disconnects the databases. */
  close(): Promise<void>;
}

/**
 * Starts the four subgraphs in-process from their server factories (port 0, each on its own app-role
 * database connection) and the gateway on the committed supergraph, pointed at them.
 */
export async function startStack(options: StartStackOptions = {}): Promise<Stack> {
  const introspection = options.introspection ?? false;
  const keys = generateKeySet();
  const memory = createMemoryLogger();
  const root = options.logSink ? createLogger({}, options.logSink) : memory;
  const log = (part: string): Logger => root.child({ service: part });
  const { appUrl } = options.database ?? testDatabase();
  const metrics = options.metrics ? (Object.fromEntries(PARTS.map((part) => [part, createPartMetrics(part)])) as Record<PartName, PartMetrics>) : undefined;
  const counted = (service: SubgraphName) => ({
    ...(options.onQuery ? { onQuery: () => options.onQuery!(service) } : {}),
    onPool: metrics?.[service].watchPool,
  });
  const poolMax = options.poolMax ?? 4;
  const dbs: StackDbs = {
    identity: createIdentityDb(appUrl('identity'), poolMax, counted('identity')),
    partners: createPartnersDb(appUrl('partners'), poolMax, counted('partners')),
    cases: createCasesDb(appUrl('cases'), poolMax, counted('cases')),
    consent: createConsentDb(appUrl('consent'), poolMax, counted('consent')),
  };
  const running: Partial<Record<SubgraphName, RunningServer>> = {};
  let gateway: RunningServer | undefined;

  const close = async () => {
    await gateway?.close();
    gateway = undefined;
    await Promise.all(SUBGRAPHS.map((name) => running[name]?.close()));
    for (const name of SUBGRAPHS) delete running[name];
    await Promise.all(Object.values(dbs).map((db) => db.$disconnect()));
  };

  try {
    if (options.seed ?? true) await seedStack(dbs, TEST_PASSWORD);
    const common = (name: SubgraphName) => ({ keys: partKeysFromSet(keys, name), log: log(name), introspection, metrics: metrics?.[name], schema: options.schemas?.[name] });
    const servers = {
      identity: createIdentityServer({ db: dbs.identity, ...common('identity') }),
      partners: createPartnersServer({ db: dbs.partners, ...common('partners') }),
      // Consent asks cases (consent-subject) and cases asks consent (decide): consent starts first and
      // learns where cases listens when it needs to.
      consent: createConsentServer({ db: dbs.consent, ...common('consent'), settings: { casesUrl: () => running.cases!.url } }),
    };
    await Promise.all(
      (['identity', 'partners', 'consent'] as const).map(async (name) => {
        running[name] = await servers[name].listen(0, '127.0.0.1');
      }),
    );
    // Cases calls partners, identity and consent (internal routes), so it learns their addresses first.
    const casesSettings = testCasesSettings({ partnersUrl: running.partners!.url, identityUrl: running.identity!.url, consentUrl: running.consent!.url });
    running.cases = await createCasesServer({ db: dbs.cases, ...common('cases'), settings: casesSettings }).listen(0, '127.0.0.1');
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, running[name]!.url])) as Record<SubgraphName, string>;
    gateway = await createGatewayServer({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls,
      keys: partKeysFromSet(keys, 'gateway'),
      log: log('gateway'),
      introspection,
      metrics: metrics?.gateway,
      rateLimits: { ...STACK_RATE_LIMITS, ...options.rateLimits },
      trustedProxies: options.trustedProxies,
    }).listen(0, '127.0.0.1');
    const gatewayUrl = gateway.url;

    const graphql = async <Data = any>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string | null,
      extraHeaders: Record<string, string> = {},
    ) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const text = await response.text();
      let body: GraphqlResponse<Data>['body'];
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`gateway answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`);
      }
      return { status: response.status, body, headers: response.headers };
    };

    const login = async (email: string, password = TEST_PASSWORD, { secondFactor = true } = {}) => {
      const { body } = await graphql<{ login: { sessionToken: string } }>(
        'mutation Login($input: LoginInput!) { login(input: $input) { sessionToken } }',
        { input: { email, password } },
      );
      const token = body.data?.login?.sessionToken;
      if (!token) throw new Error(`login failed: ${JSON.stringify(body.errors ?? body)}`);
      if (secondFactor) await markSecondFactor(dbs.identity, token);
      return token;
    };

    return {
      gatewayUrl,
      subgraphUrls,
      keys,
      dbs,
      logs: memory.lines,
      metrics,
      graphql,
      login,
      stopSubgraph: async (name) => {
        await running[name]?.close();
        delete running[name];
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

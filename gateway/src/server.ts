import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { describeError } from '@haven/kit/src/errors';
import {
  apolloHeaders,
  listenApollo,
  originalError,
  writeApolloResponse,
  type RunningServer,
} from '@haven/kit/src/http/apollo-http';
import { HttpError, parseJson, readBody, sendJson } from '@haven/kit/src/http/body';
import { HEADER_REQUEST_ID } from '@haven/kit/src/http/internal-client';
import type { Logger } from '@haven/kit/src/log';
import { graphqlObserverPlugin } from '@haven/kit/src/metrics/graphql-observer';
import type { PartMetrics } from '@haven/kit/src/metrics/part-metrics';
import { recordRequest, routeLabel, type RequestRecord } from '@haven/kit/src/metrics/request-record';
import { timeSubgraphFetches } from '@haven/kit/src/metrics/timed-fetches';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { AssertingDataSource } from './asserting-data-source';
import { clientAddressOf, DEFAULT_TRUSTED_PROXIES, trustedProxyList } from './client-address';
import { distinctErrorsPlugin } from './distinct-errors';
import { nameOnlyIntrospection } from './name-only-introspection';
import { createExplorer } from './explorer/serve-explorer';
import type { GatewayContext } from './context';
import { maskGatewayError } from './mask-gateway-error';
import { DEFAULT_QUERY_LIMITS, maskQueryLimitError, queryLimitOptions, type QueryLimits } from './query-limits';
import { rateLimitPlugin } from './rate-limit-plugin';
import { sendRateLimited } from './rate-limit-refusal';
import { DEFAULT_RATE_LIMITS, GatewayRateLimits, type RateLimits, type Refusal } from './rate-limits';
import { resolveCaller } from './resolve-caller';

export interface GatewayServerOptions {
  /** The committed, composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph answers; overrides the URLs written into the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** The gateway's own key pair and every part's public key. */
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
  /** Per-operation depth, alias, directive, token and cost limits; DEFAULT_QUERY_LIMITS unless configured. */
  queryLimits?: QueryLimits;
  /** Requests per minute per user, API token, anonymous address and login address; DEFAULT_RATE_LIMITS unless configured. */
  rateLimits?: RateLimits;
  /** Peers whose X-Forwarded-For names the client (addresses or CIDR ranges); DEFAULT_TRUSTED_PROXIES (loopback) unless configured. */
  trustedProxies?: readonly string[];
  /** Serve the API explorer (GraphiQL) at /explorer; see explorer/serve-explorer.ts. Default off. */
  explorer?: boolean;
  /** Request, operation and subgraph-fetch metrics; only when served (HAVEN_METRICS_PORT). */
  metrics?: PartMetrics;
}

/**
 * The one public entry point. Resolves the caller's bearer token with identity, plans the operation
 * over the static supergraph and signs every subgraph fetch; errors leave masked.
 */
export function createGatewayServer(options: GatewayServerOptions) {
  const { log } = options;
  const requestScope = new AsyncLocalStorage<{ requestId: string }>();
  const identityBaseUrl = new URL('/', options.subgraphUrls.identity).toString();
  const limits = queryLimitOptions(options.queryLimits ?? DEFAULT_QUERY_LIMITS, { introspection: options.introspection });
  const rateLimits = new GatewayRateLimits(options.rateLimits ?? DEFAULT_RATE_LIMITS, options.keys);
  const trustedProxies = trustedProxyList(options.trustedProxies ?? DEFAULT_TRUSTED_PROXIES);

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: apolloLogger(log),
    buildService: ({ name, url }) => {
      const subgraph = SUBGRAPHS.find((s) => s === name);
      if (!subgraph) throw new Error(`supergraph names an unknown subgraph: ${name}`);
      return timeSubgraphFetches(new AssertingDataSource(options.subgraphUrls[subgraph] ?? url!, subgraph, options.keys), subgraph, options.metrics);
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: apolloLogger(log),
    // Apollo's own switch is all or nothing; with introspection off, nameOnlyIntrospection (validationRules)
    // refuses everything but `__type(name) { name }` (see there why that much is safe).
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // "Did you mean …?" would spell out the schema to callers even with introspection off.
    hideSchemaDetailsFromClientErrors: !options.introspection,
    csrfPrevention: true,
    // One operation per request: a JSON array would multiply every per-operation limit below (and, later,
    // per-request rate limits) by the array's length.
    allowBatchedHttpRequests: false,
    validationRules: options.introspection ? limits.validationRules : [...limits.validationRules, nameOnlyIntrospection],
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) =>
      maskGatewayError(maskQueryLimitError(formatted), originalError(error), requestScope.getStore()?.requestId, log),
    plugins: [
      ...limits.plugins,
      rateLimitPlugin(rateLimits),
      // Before the observer, so metrics count the errors the client is sent.
      distinctErrorsPlugin(),
      graphqlObserverPlugin((context) => context.identityToken !== null),
      // Apollo's landing page loads its sandbox from a CDN; our own explorer (/explorer) replaces it.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });

  let started = false;
  const explorer = options.explorer ? createExplorer({ log }) : undefined;

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, requestId: string, requestRecord: RequestRecord) {
    const method = req.method ?? 'GET';
    if (method !== 'POST' && method !== 'GET') throw new HttpError(405, 'BAD_REQUEST', 'Use GET or POST');
    let body: unknown;
    if (method === 'POST') {
      const raw = await readBody(req);
      // Apollo's CSRF prevention refuses non-JSON POSTs; hand it the raw text so it can say so.
      body = (req.headers['content-type'] ?? '').includes('json') ? parseJson(raw) : raw;
    }
    const clientAddress = clientAddressOf(req, trustedProxies);
    const refuse = (refusal: Refusal) => {
      log.info('rate limited', { requestId, limit: refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds });
      sendRateLimited(res, refusal.retryAfterSeconds, requestId);
    };
    const tokenCheckRefusal = req.headers.authorization ? rateLimits.admitTokenCheck(clientAddress) : null;
    if (tokenCheckRefusal) return refuse(tokenCheckRefusal);
    const identityToken = await resolveCaller(req.headers.authorization, { keys: options.keys, identityBaseUrl, requestId }).catch(
      (error: unknown) => {
        if (error instanceof HttpError && error.status === 401) rateLimits.countFailedTokenCheck(clientAddress);
        throw error;
      },
    );
    const refusal = await rateLimits.admitRequest(identityToken, clientAddress);
    if (refusal) return refuse(refusal);
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const context: GatewayContext = { requestId, identityToken, clientAddress, log: log.child({ requestId }), requestRecord };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: apolloHeaders(req.headers), search: url.search, body },
      context: async () => context,
    });
    await writeApolloResponse(res, response, { [HEADER_REQUEST_ID]: requestId });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string, requestRecord: RequestRecord) {
    try {
      if (path === '/graphql') await requestScope.run({ requestId }, () => handleGraphql(req, res, requestId, requestRecord));
      else if (explorer?.serves(path)) explorer.handle(req, res, path);
      else if (path === '/health/live') sendJson(res, 200, { status: 'live' });
      else if (path === '/health/ready') {
        if (!started) throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'Not ready');
        sendJson(res, 200, { status: 'ready' });
      } else throw new HttpError(404, 'NOT_FOUND', 'Not found');
    } catch (error) {
      if (res.headersSent) return void res.end();
      res.setHeader(HEADER_REQUEST_ID, requestId);
      if (error instanceof HttpError) {
        sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, requestId } }] });
      } else {
        log.error('unexpected error', { requestId, path, ...describeError(error as Error) });
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
        });
      }
    }
  }

  /** One access line per /graphql call (same requestId as the subgraphs' lines), and the metrics. */
  function observed(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const requestId = randomUUID();
    const route = explorer?.serves(path) ? '/explorer' : routeLabel(path, ['/graphql', '/health/live', '/health/ready']);
    const record = { route, log, metrics: options.metrics, logged: path === '/graphql', requestId };
    return recordRequest(res, record, (requestRecord) => handle(req, res, path, requestId, requestRecord));
  }

  return {
    apollo,
    async listen(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      await explorer?.prepare();
      const running = await listenApollo(apollo, (req, res) => void observed(req, res), port, host);
      started = true;
      return {
        ...running,
        close: async () => {
          started = false;
          await running.close();
        },
      };
    },
  };
}

/** Apollo's own log lines into our structured log; its debug chatter is dropped. */
function apolloLogger(log: Logger) {
  return {
    debug: () => undefined,
    info: (message: unknown) => log.info(String(message)),
    warn: (message: unknown) => log.warn(String(message)),
    error: (message: unknown) => log.error(String(message)),
  };
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { AppError, describeError, isPublicCode, maskError } from '../errors';
import type { Logger } from '../log';
import { graphqlObserverPlugin } from '../metrics/graphql-observer';
import type { PartMetrics } from '../metrics/part-metrics';
import { recordRequest, routeLabel, type RequestRecord } from '../metrics/request-record';
import type { PartName, SubgraphName } from '../taxonomy';
import type { PartKeys } from '../trust/keys';
import { graphqlRequestDigest, sha256, type GraphqlRequestBody } from '../trust/digest';
import { TrustError, type Identity } from '../trust/tokens';
import { createRequestVerifier } from '../trust/verify-request';
import { apolloHeaders, listenApollo, originalError, writeApolloResponse, type RunningServer } from './apollo-http';
import { HttpError, parseJson, readBody, sendError, sendJson } from './body';

export type { RunningServer } from './apollo-http';

/** Every subgraph resolver sees at least this. */
export interface RequestContext {
  caller: Identity | null;
  /** The caller's identity token, to forward on internal calls made for this request. */
  identityToken: string | null;
  requestId: string;
  log: Logger;
  /** This request's access-log line and metrics (metrics/request-record.ts); absent outside the HTTP server. */
  requestRecord?: RequestRecord;
}

export interface InternalRoute {
  /** The parts allowed to call this route. */
  callers: PartName[];
  /** Whether an end-user identity must accompany the call. */
  requiresIdentity: boolean;
  handle(body: unknown, ctx: RequestContext & { from: PartName }): Promise<unknown>;
}

export interface SubgraphServerOptions<Ctx extends RequestContext> {
  name: SubgraphName;
  schema: GraphQLSchema;
  keys: PartKeys;
  log: Logger;
  introspection: boolean;
  /** Extends the verified base context (data loaders, db handle) once per request. */
  extendContext(base: RequestContext): Ctx;
  internalRoutes?: Record<string, InternalRoute>;
  /** Readiness: resolves when the service can serve (e.g. its database answers). */
  ready?(): Promise<void>;
  /** Where requests are counted and timed; none when the part runs without a metrics listener. */
  metrics?: PartMetrics;
}

/**
 * The HTTP face of a subgraph. Only POST /graphql with a valid gateway assertion reaches GraphQL —
 * also `_service` and `_entities` — and only correctly signed internal calls reach /internal/*.
 */
export function createSubgraphServer<Ctx extends RequestContext>(options: SubgraphServerOptions<Ctx>) {
  const verifyCaller = createRequestVerifier({ audience: options.name, keys: options.keys });
  const apollo = new ApolloServer<Ctx & BaseContext>({
    schema: options.schema,
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    csrfPrevention: true,
    // Masking happens here; logging happens in requestIdOnErrors, where the request id is known.
    formatError: (formatted, error) => maskError(formatted, originalError(error), undefined, SILENT),
    // Inline traces would hand timings and unmasked error details to whoever asks for them.
    // Cache hints would wrap every field resolver in Apollo's instrumentation for an answer that is always
    // no-store (answers hold personal data; the gateway reads the header): the header is set below instead.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestIdOnErrors(),
      graphqlObserverPlugin((context) => context.caller !== null),
    ],
  });
  const knownRoutes = ['/graphql', '/health/live', '/health/ready', ...Object.keys(options.internalRoutes ?? {}).map((name) => `/internal/${name}`)];

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, record: RequestRecord) {
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST');
    const raw = await readBody(req);
    const body = parseJson(raw);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'BAD_REQUEST', 'Body must be a GraphQL request object');
    }
    const trust = await verifyCaller(req.headers, graphqlRequestDigest(body as GraphqlRequestBody), ['gateway']);
    record.requestId = trust.requestId;
    const base: RequestContext = {
      caller: trust.caller,
      identityToken: trust.identityToken,
      requestId: trust.requestId,
      log: options.log.child({ requestId: trust.requestId }),
      requestRecord: record,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: apolloHeaders(req.headers), search: '', body },
      context: async () => options.extendContext(base) as Ctx & BaseContext,
    });
    await writeApolloResponse(res, response, NO_STORE);
  }

  async function handleInternal(req: IncomingMessage, res: ServerResponse, name: string, record: RequestRecord) {
    const route = options.internalRoutes?.[name];
    if (!route || req.method !== 'POST') throw new HttpError(404, 'NOT_FOUND', 'Not found');
    const raw = await readBody(req);
    const trust = await verifyCaller(req.headers, sha256(raw), route.callers);
    record.requestId = trust.requestId;
    if (route.requiresIdentity && !trust.caller) throw new TrustError('identity required');
    const log = options.log.child({ requestId: trust.requestId, from: trust.from, route: name });
    try {
      const result = await route.handle(parseJson(raw), { ...trust, log });
      sendJson(res, 200, { result: result ?? null });
    } catch (error) {
      if (error instanceof AppError) {
        sendJson(res, 422, { error: { code: error.extensions.code, message: error.message } });
        return;
      }
      throw error;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, record: RequestRecord) {
    try {
      if (path === '/graphql') return await handleGraphql(req, res, record);
      if (path.startsWith('/internal/')) return await handleInternal(req, res, path.slice('/internal/'.length), record);
      if (path === '/health/live') return sendJson(res, 200, { status: 'live' });
      if (path === '/health/ready') {
        await checkReady(options.ready, options.log);
        return sendJson(res, 200, { status: 'ready' });
      }
      throw new HttpError(404, 'NOT_FOUND', 'Not found');
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (error instanceof TrustError) {
        options.log.warn('refused request', { reason: error.message, path });
        return sendError(res, 401, 'UNAUTHENTICATED', 'Requests must come through the Haven gateway');
      }
      if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message);
      const requestId = randomUUID();
      options.log.error('unexpected error', { requestId, path, ...describeError(error as Error) });
      return sendError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error (${requestId})`);
    }
  }

  /** One access line per GraphQL or internal call (probes are only counted), and the metrics. */
  function observed(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const logged = path === '/graphql' || path.startsWith('/internal/');
    const route = routeLabel(path, knownRoutes);
    return recordRequest(res, { route, log: options.log, metrics: options.metrics, logged }, (record) => handle(req, res, path, record));
  }

  return {
    apollo,
    listen: (port: number, host = '127.0.0.1'): Promise<RunningServer> =>
      listenApollo(apollo, (req, res) => void observed(req, res), port, host),
  };
}

const SILENT = { error: () => undefined };
const NO_STORE = { 'cache-control': 'no-store' };

/** Readiness: 503 (take me out of the load balancer) while a dependency such as the database does not answer. */
async function checkReady(ready: (() => Promise<void>) | undefined, log: Logger): Promise<void> {
  try {
    await ready?.();
  } catch (error) {
    log.warn('not ready', describeError(error as Error));
    throw new HttpError(503, 'SERVICE_UNAVAILABLE', 'Not ready');
  }
}

/** Puts the request id on masked errors so a user can quote it and operators can find the log line. */
function requestIdOnErrors() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }: { response: any; contextValue: RequestContext }) {
          const errors = response.body?.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') error.extensions.requestId = contextValue.requestId;
          }
        },
        async didEncounterErrors({ errors, contextValue }: { errors: readonly any[]; contextValue: RequestContext }) {
          for (const error of errors) {
            if (isPublicCode(error.extensions?.code)) continue;
            contextValue.log.error('unexpected error', describeError(error.originalError ?? error));
          }
        },
      };
    },
  };
}

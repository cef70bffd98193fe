import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { resolveCaller } from '@haven/gateway/src/resolve-caller';
import { HEADER_ASSERTION, HEADER_IDENTITY, HEADER_REQUEST_ID } from '@haven/kit/src/http/internal-client';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import { graphqlRequestDigest } from '@haven/kit/src/trust/digest';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { signAssertion } from '@haven/kit/src/trust/tokens';
import { withSubgraphUrls } from './supergraph-urls';

export type HivePlanner = 'javascript' | 'rust';

export interface RunningHiveGateway {
  url: string;
  close(): Promise<void>;
}

/** What the Haven plugin keeps per client request: the caller as identity vouched for it. */
interface HavenCaller {
  identityToken: string | null;
  requestId: string;
}

/**
 * Hive Gateway (MIT, The Guild) on the same supergraph and subgraphs as ours, for comparison only: its
 * runtime (@graphql-hive/gateway-runtime, what the `hive-gateway` CLI serves) in this process, with its own
 * JavaScript planner or with the Rust query planner (@graphql-hive/router-runtime). A plugin does what our
 * gateway does around planning: it resolves the bearer token with identity (our gateway's own function)
 * and signs every subgraph fetch with the gateway's key for that subgraph, that exact body and that caller.
 */
export async function startHiveGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Record<SubgraphName, string>;
  keys: PartKeys;
  planner: HivePlanner;
}): Promise<RunningHiveGateway> {
  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    logging: 'error',
    // Its HTTP executor by default merges identical in-flight subgraph requests (same URL and body) into one,
    // keyed before onFetch adds our headers: callers with different identities asking the same thing would
    // share one answer. Off — for safety, and so it does the same work as ours.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    ...(options.planner === 'rust' ? { unifiedGraphHandler } : {}),
    plugins: () => [havenTrust(options)],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

function havenTrust(options: { subgraphUrls: Record<SubgraphName, string>; keys: PartKeys }): GatewayPlugin<{ haven: HavenCaller }> {
  const identityBaseUrl = new URL('/', options.subgraphUrls.identity).toString();
  const subgraphAt = new Map(SUBGRAPHS.map((name) => [options.subgraphUrls[name], name]));
  return {
    onContextBuilding: async ({ context, extendContext }) => {
      const requestId = randomUUID();
      const authorization = context.request.headers.get('authorization') ?? undefined;
      const identityToken = await resolveCaller(authorization, { keys: options.keys, identityBaseUrl, requestId });
      extendContext({ haven: { identityToken, requestId } });
    },
    onFetch: async ({ url, options: init, setOptions, context }) => {
      const subgraph = subgraphAt.get(url);
      if (!subgraph) return;
      const caller: HavenCaller = ('haven' in context && context.haven) || { identityToken: null, requestId: randomUUID() };
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
      const assertion = await signAssertion(options.keys.privateKey, {
        issuer: 'gateway',
        audience: subgraph,
        requestDigest: graphqlRequestDigest(body),
        identityToken: caller.identityToken,
        requestId: caller.requestId,
      });
      const headers = new Headers(init.headers as HeadersInit | undefined);
      headers.set(HEADER_ASSERTION, assertion);
      headers.set(HEADER_REQUEST_ID, caller.requestId);
      if (caller.identityToken) headers.set(HEADER_IDENTITY, caller.identityToken);
      setOptions({ ...init, headers: Object.fromEntries(headers) });
    },
  };
}

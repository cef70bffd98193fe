import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayServer } from '@haven/gateway/src/server';
import { createLogger } from '@haven/kit/src/log';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { Stack } from '../../tests/support/stack';
import type { ReplayStep } from './load-target';
import { warningsToStderr } from './log-sink';
import { replayPlan, type RecordedFetch } from './query-plan';

export interface FetchRecorder {
  /** Where the gateway should send each subgraph's requests while recording. */
  urls: Record<SubgraphName, string>;
  /** Empties the record and returns what was recorded since the last call. */
  take(): RecordedFetch[];
  close(): Promise<void>;
}

/**
 * One pass-through HTTP proxy per subgraph that keeps every GraphQL body it forwards. A gateway pointed at
 * these instead of the subgraphs shows which subgraph requests one client operation turns into. Internal
 * routes (/internal/…, e.g. resolve-session) pass through unrecorded: they are not part of the plan.
 */
export async function startFetchRecorder(subgraphUrls: Record<SubgraphName, string>): Promise<FetchRecorder> {
  let recorded: RecordedFetch[] = [];
  const servers: Server[] = [];
  const urls = {} as Record<SubgraphName, string>;
  for (const service of SUBGRAPHS) {
    const target = new URL(subgraphUrls[service]);
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const path = req.url ?? '/';
      if (req.method === 'POST' && path === target.pathname) recorded.push({ service, body: JSON.parse(body.toString('utf8')) });
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)),
      ) as Record<string, string>;
      const answer = await fetch(new URL(path, target), { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
  }
  return {
    urls,
    take: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

/**
 * The replayable plan of each operation: a gateway of our own (same factory, keys and supergraph as the
 * stack's) sends each operation once through the recorder; its fetches are bound to the planner's plan.
 */
export async function recordReplayPlans(
  stack: Pick<Stack, 'subgraphUrls' | 'keys'>,
  supergraphSdl: string,
  requests: { label: string; sessionToken: string; body: { query: string; operationName: string; variables?: Record<string, unknown> } }[],
): Promise<Map<string, ReplayStep>> {
  const recorder = await startFetchRecorder(stack.subgraphUrls);
  const gateway = await createGatewayServer({
    supergraphSdl,
    subgraphUrls: recorder.urls,
    keys: partKeysFromSet(stack.keys, 'gateway'),
    log: createLogger({ service: 'recording-gateway' }, warningsToStderr),
    introspection: false,
  }).listen(0, '127.0.0.1');
  try {
    const plans = new Map<string, ReplayStep>();
    for (const request of requests) {
      recorder.take();
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${request.sessionToken}` },
        body: JSON.stringify(request.body),
      });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || answer.errors) throw new Error(`${request.label}: the recording gateway answered ${response.status} with errors`);
      plans.set(request.label, replayPlan(supergraphSdl, request.body, recorder.take()));
    }
    return plans;
  } finally {
    await gateway.close();
    await recorder.close();
  }
}

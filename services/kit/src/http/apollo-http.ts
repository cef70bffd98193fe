import { createServer, type IncomingHttpHeaders, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';

/** A listening HTTP server: where it answers, and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Apollo wraps resolver errors; masking and logging want the error that was thrown. */
export function originalError(error: unknown): unknown {
  return (error as { originalError?: unknown })?.originalError ?? error;
}

/** Node's request headers as Apollo wants them (repeated headers joined). */
export function apolloHeaders(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') map.set(key, value);
    else if (Array.isArray(value)) map.set(key, value.join(', '));
  }
  return map;
}

/** Writes Apollo's response (complete or streamed); `extraHeaders` go first, Apollo's own win. */
export async function writeApolloResponse(
  res: ServerResponse,
  response: HTTPGraphQLResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const out: Record<string, string> = { ...extraHeaders };
  for (const [key, value] of response.headers) out[key] = value;
  res.writeHead(response.status ?? 200, out);
  if (response.body.kind === 'complete') res.end(response.body.string);
  else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/**
 * Listens (port 0 picks a free one). close() is the graceful stop: no new connections, in-flight requests
 * finish, then each keep-alive socket is closed as soon as it is idle (a browser's or the gateway's would
 * otherwise hold close() open until it times out).
 */
export async function listenHttp(server: Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/graphql`,
    port: actual,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A socket whose request was in flight becomes idle when its response is done: close it then.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      await closed;
      clearInterval(sweep);
    },
  };
}

/**
 * Starts Apollo, then serves `handler` over HTTP. close() stops taking requests — one that still arrives on
 * an open keep-alive connection (Node serves those while closing) gets 503 with `Connection: close`, so the
 * client or load balancer retries on another instance — lets in-flight requests finish, then stops Apollo.
 */
export async function listenApollo<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>,
  handler: RequestListener,
  port: number,
  host: string,
): Promise<RunningServer> {
  await apollo.start();
  let stopping = false;
  const server = createServer((req, res) => {
    if (!stopping) return handler(req, res);
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '1' });
    res.end(JSON.stringify({ errors: [{ message: 'Shutting down; try again', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
  });
  const http = await listenHttp(server, port, host);
  return {
    ...http,
    close: async () => {
      stopping = true;
      await http.close();
      await apollo.stop();
    },
  };
}

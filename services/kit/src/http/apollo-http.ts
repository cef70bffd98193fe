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

/** Listens (port 0 picks a free one) and returns a close() that does not wait for idle keep-alive sockets. */
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
      // Keep-alive sockets (the gateway's, a browser's) would hold close() open until they time out.
      server.closeIdleConnections();
      await closed;
    },
  };
}

/** Starts Apollo, then serves `handler` over HTTP; close() stops taking requests, then stops Apollo. */
export async function listenApollo<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>,
  handler: RequestListener,
  port: number,
  host: string,
): Promise<RunningServer> {
  await apollo.start();
  const http = await listenHttp(createServer(handler), port, host);
  return {
    ...http,
    close: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}

import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { HEADER_ASSERTION, HEADER_IDENTITY, HEADER_REQUEST_ID } from '@haven/kit/src/http/internal-client';
import type { SubgraphName } from '@haven/kit/src/taxonomy';
import { graphqlRequestDigest } from '@haven/kit/src/trust/digest';
import type { PartKeys } from '@haven/kit/src/trust/keys';
import { signAssertion } from '@haven/kit/src/trust/tokens';
import type { GatewayContext } from './context';

/**
 * Every subgraph fetch carries a fresh assertion signed by the gateway: bound to this subgraph
 * (audience), to this exact query and variables, and to the caller's identity token. Client headers
 * are never forwarded (the Authorization secret stays at the gateway).
 */
export class AssertingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: SubgraphName,
    private readonly keys: PartKeys,
  ) {
    // Node's own fetch (undici) rather than Apollo's default make-fetch-happen agent, which keeps idle sockets
    // forever: a subgraph closes an idle keep-alive socket after 5 s, and under load that agent could send the
    // next fetch down a socket the subgraph was just closing ("socket hang up", seen by the benchmark at 50
    // clients). undici reads the server's `Keep-Alive: timeout=5` and retires the socket a second early.
    super({ url, fetcher: undiciFetcher });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request } = options;
    // Health checks and schema loads pass an empty context; they still get a valid, anonymous assertion.
    const context = (options.context ?? {}) as Partial<GatewayContext>;
    const identityToken = context.identityToken ?? null;
    const requestId = context.requestId ?? randomUUID();
    const assertion = await signAssertion(this.keys.privateKey, {
      issuer: 'gateway',
      audience: this.subgraph,
      requestDigest: graphqlRequestDigest(request),
      identityToken,
      requestId,
    });
    const headers = request.http!.headers;
    headers.set(HEADER_ASSERTION, assertion);
    headers.set(HEADER_REQUEST_ID, requestId);
    if (identityToken) headers.set(HEADER_IDENTITY, identityToken);
    else headers.delete(HEADER_IDENTITY);
  }
}

type Fetcher = NonNullable<RemoteGraphQLDataSource['fetcher']>;

/** Node's fetch in the shape Apollo's data source asks for (its bodies are strings or Buffers, which fetch takes). */
const undiciFetcher: Fetcher = (url, init) => fetch(url, init as RequestInit) as unknown as ReturnType<Fetcher>;

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
    super({ url });
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

import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Posts each operation as JSON to the gateway's own /graphql (same origin, so no CORS; a JSON body passes
 * Apollo's CSRF prevention) with the headers from GraphiQL's header editor, e.g. the caller's
 * `Authorization: Bearer …`. The token only ever lives in that editor and this request.
 */
export function gatewayFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...(options?.headers ?? {}), 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(params),
      credentials: 'omit',
    });
    return response.json();
  };
}

import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so both ends hash the same request whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export interface GraphqlRequestBody {
  query?: string | null;
  variables?: unknown;
  operationName?: string | null;
  extensions?: unknown;
}

/** Binds an assertion to one GraphQL request: everything in the body that the subgraph acts on. */
export function graphqlRequestDigest(request: GraphqlRequestBody): string {
  return sha256(
    canonicalJson({
      query: request.query ?? '',
      variables: request.variables ?? {},
      operationName: request.operationName ?? null,
      extensions: request.extensions ?? {},
    }),
  );
}

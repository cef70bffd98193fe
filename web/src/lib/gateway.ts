import 'server-only';
import { cookies, headers as requestHeaders } from 'next/headers';
import type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';
import { Kind, print } from 'graphql';
import { portalConfig } from './config';
import { log } from './log';
import { forwardedClientAddress } from './forwarded-for';
import { failureFromErrors, onlyNestedDenials, partialFailure, type GatewayFailure, type GraphQLErrorBody } from './gateway-errors';
import { readSessionToken } from './session-cookie';

/**
 * The portal's only way to reach Haven's data: a GraphQL request to the gateway, from the server.
 * The browser never sees the session token; it stays in the httpOnly cookie and travels on here as a
 * bearer token. Operations are `graphql()` documents (./graphql.ts), so the data and variables types come
 * from the schema; pages get that data or a failure they can show calmly — never a stack trace or a
 * blank page.
 */

/** A typed document made with `graphql()` from ./graphql.ts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation = TadaDocumentNode<any, any>;

/** The name and text sent for a document, worked out once per document. */
const sent = new WeakMap<Operation, { name: string; query: string }>();

function request(operation: Operation): { name: string; query: string } {
  let known = sent.get(operation);
  if (!known) {
    const definition = operation.definitions.find((node) => node.kind === Kind.OPERATION_DEFINITION);
    // Named, so logs and the gateway's own logs say which one failed.
    if (!definition?.name) throw new Error('A portal operation must be one named query or mutation');
    known = { name: definition.name.value, query: print(operation) };
    sent.set(operation, known);
  }
  return known;
}

export type { GatewayFailure };

/**
 * `incomplete`: a part of Haven could not answer and the page chose (`partial`) to show the rest; the fields that
 * part owns are null (the schema makes such fields nullable) and the page says so with the reference.
 */
export type GatewayResult<TData> = { ok: true; data: TData; incomplete?: { reference: string } } | { ok: false; failure: GatewayFailure };

/** An operation declaring no variables has the type `{}`: `keyof` tells the two cases apart. */
type HasVariables<TVariables> = [keyof TVariables] extends [never] ? false : true;

type CallOptions<TVariables, TData> = (HasVariables<TVariables> extends true ? { variables: TVariables } : { variables?: undefined }) & {
  /** Send no session token (login). Default: the token from the `haven_session` cookie. */
  anonymous?: boolean;
  /**
   * The page can stand on this answer although a part of Haven could not contribute its fields (e.g. a nullable
   * root record is there): then the call succeeds with `incomplete`. Unset: any such failure fails the call.
   */
  partial?: (data: TData) => boolean;
};

const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export async function callGateway<TOperation extends Operation>(
  operation: TOperation,
  ...[options]: HasVariables<VariablesOf<TOperation>> extends true
    ? [CallOptions<VariablesOf<TOperation>, ResultOf<TOperation>>]
    : [CallOptions<VariablesOf<TOperation>, ResultOf<TOperation>>?]
): Promise<GatewayResult<ResultOf<TOperation>>> {
  const config = portalConfig();
  const { name, query } = request(operation);
  const requestId = crypto.randomUUID();
  const started = Date.now();
  const fail = (failure: GatewayFailure, reason: string, extra: Record<string, string | number> = {}) => {
    const level = failure.kind === 'UNAVAILABLE' ? 'error' : 'info';
    log[level]('gateway call failed', {
      operation: name,
      requestId,
      kind: failure.kind,
      reason,
      ms: Date.now() - started,
      ...extra,
    });
    return { ok: false as const, failure };
  };

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
    'x-request-id': requestId,
  };
  // The gateway limits anonymous requests (sign-ins above all) per client address; without the browser's,
  // every visitor would share the portal's one address and one bucket.
  const browser = forwardedClientAddress((await requestHeaders()).get('x-forwarded-for'));
  if (browser) headers['x-forwarded-for'] = browser;
  if (!options?.anonymous) {
    const token = readSessionToken(await cookies());
    if (!token) return fail({ kind: 'UNAUTHENTICATED' }, 'no session cookie');
    headers.authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetch(config.gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ operationName: name, query, variables: options?.variables ?? {} }),
      cache: 'no-store',
      redirect: 'error',
      signal: AbortSignal.timeout(config.gatewayTimeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return fail({ kind: 'UNAVAILABLE' }, timedOut ? 'timeout' : 'network error');
  }

  if (response.status === 401) return fail({ kind: 'UNAUTHENTICATED' }, 'http 401');

  let body: unknown;
  try {
    const text = await response.text();
    if (text.length > MAX_RESPONSE_BYTES) return fail({ kind: 'UNAVAILABLE' }, 'response too large');
    body = JSON.parse(text);
  } catch {
    return fail({ kind: 'UNAVAILABLE' }, 'response is not JSON', { status: response.status });
  }
  if (typeof body !== 'object' || body === null) {
    return fail({ kind: 'UNAVAILABLE' }, 'response is not an object', { status: response.status });
  }

  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && onlyNestedDenials(errors as GraphQLErrorBody[]) && typeof data === 'object' && data !== null) {
    // Partial data by design: fields the caller may not read came back null, the rest stands.
    log.info('gateway call withheld fields', { operation: name, requestId, withheld: errors.length, ms: Date.now() - started });
    return { ok: true, data: data as ResultOf<TOperation> };
  }
  // The gateway nulls what a failed part owned and, by GraphQL's null propagation, whatever could not be null
  // without it: what is left still has the operation's type, so the page's own test is all that remains.
  const failed = Array.isArray(errors) && typeof data === 'object' && data !== null ? partialFailure(errors as GraphQLErrorBody[]) : null;
  if (failed && options?.partial?.(data as ResultOf<TOperation>)) {
    const reference = failed.reference ?? requestId;
    log.error('gateway call incomplete', { operation: name, requestId, reference, errorCount: (errors as unknown[]).length, ms: Date.now() - started });
    return { ok: true, data: data as ResultOf<TOperation>, incomplete: { reference } };
  }
  if (Array.isArray(errors) && errors.length > 0) {
    const { failure, code } = failureFromErrors(errors as GraphQLErrorBody[]);
    return fail(failure, 'graphql errors', { status: response.status, errorCount: errors.length, code: code ?? 'none' });
  }
  if (!response.ok) return fail({ kind: 'UNAVAILABLE' }, 'http error', { status: response.status });

  // The shape is the schema's (the document is typed from it and the gateway validates against it); what
  // is left to check is that data came at all.
  if (typeof data !== 'object' || data === null) {
    return fail({ kind: 'UNAVAILABLE' }, 'response has no data', { status: response.status });
  }
  return { ok: true, data: data as ResultOf<TOperation> };
}

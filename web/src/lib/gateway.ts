import 'server-only';
import { cookies } from 'next/headers';
import type { ZodType } from 'zod';
import { portalConfig } from './config';
import { log } from './log';
import { failureFromErrors, type GatewayFailure, type GraphQLErrorBody } from './gateway-errors';
import { readSessionToken } from './session-cookie';

/**
 * The portal's only way to reach Haven's data: a GraphQL request to the gateway, from the server.
 * The browser never sees the session token; it stays in the httpOnly cookie and travels on here as a
 * bearer token. Every response is checked against the operation's schema, so pages get typed data or
 * a failure they can show calmly — never a half-parsed object, a stack trace or a blank page.
 */

/** A GraphQL document with the shape of its data, checked at run time. */
export type Operation<TData, TVariables> = {
  readonly name: string;
  readonly document: string;
  readonly data: ZodType<TData>;
  /** Type-level only: carries the variables' type. */
  readonly variables?: TVariables;
};

/**
 * `defineOperation('PortalMe', doc, schema)` for an operation without variables;
 * `.withVariables<{ … }>()` to declare its variables' type.
 */
export function defineOperation<TData>(
  name: string,
  document: string,
  data: ZodType<TData>,
): Operation<TData, undefined> & { withVariables<TVariables>(): Operation<TData, TVariables> } {
  const operation = { name, document, data };
  return { ...operation, withVariables: () => operation };
}

export type { GatewayFailure };

export type GatewayResult<TData> = { ok: true; data: TData } | { ok: false; failure: GatewayFailure };

type CallOptions<TVariables> = (TVariables extends undefined ? { variables?: undefined } : { variables: TVariables }) & {
  /** Send no session token (login). Default: the token from the `haven_session` cookie. */
  anonymous?: boolean;
};

const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export async function callGateway<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  ...[options]: TVariables extends undefined ? [CallOptions<TVariables>?] : [CallOptions<TVariables>]
): Promise<GatewayResult<TData>> {
  const config = portalConfig();
  const requestId = crypto.randomUUID();
  const started = Date.now();
  const fail = (failure: GatewayFailure, reason: string, extra: Record<string, string | number> = {}) => {
    const level = failure.kind === 'UNAVAILABLE' ? 'error' : 'info';
    log[level]('gateway call failed', {
      operation: operation.name,
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
      body: JSON.stringify({ operationName: operation.name, query: operation.document, variables: options?.variables ?? {} }),
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
  if (Array.isArray(errors) && errors.length > 0) {
    const { failure, code } = failureFromErrors(errors as GraphQLErrorBody[]);
    return fail(failure, 'graphql errors', { status: response.status, errorCount: errors.length, code: code ?? 'none' });
  }
  if (!response.ok) return fail({ kind: 'UNAVAILABLE' }, 'http error', { status: response.status });

  const parsed = operation.data.safeParse(data);
  if (!parsed.success) {
    // Paths only: values may be personal data.
    const paths = parsed.error.issues
      .slice(0, 5)
      .map((issue) => issue.path.join('.'))
      .join(' ');
    return fail({ kind: 'UNAVAILABLE' }, 'response does not match the operation', { paths });
  }
  return { ok: true, data: parsed.data };
}

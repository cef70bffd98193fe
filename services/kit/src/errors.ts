import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes a client may see and act on. Anything else is masked as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CAPACITY_FULL',
  /** No consent (or other legal basis) covers what was asked, e.g. sending a referral to that organisation. */
  'CONSENT_REQUIRED',
  'INVALID_TRANSITION',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  /** The gateway's per-user, per-token or per-address request rate was exceeded; `retryAfterSeconds` says when to retry. */
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES,
  // Apollo's own client-error codes: safe, and useful to integrators.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  /** A request body over the limit (HTTP 413), refused before it is read to the end. */
  'PAYLOAD_TOO_LARGE',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The one error type for expected failures. Messages must never carry personal data. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ?? {}) } });
    this.name = 'AppError';
  }
}

/** BAD_USER_INPUT naming the field, so a form can show the message next to it. */
export function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { field });
}

export function isPublicCode(code: unknown): code is string {
  return typeof code === 'string' && PUBLIC_CODES.has(code);
}

export interface ErrorLogger {
  error(msg: string, fields: Record<string, unknown>): void;
}

/**
 * Apollo `formatError`: known codes pass with their message; everything else becomes a generic
 * INTERNAL_SERVER_ERROR carrying only the request id, and the original is logged (without variables).
 */
export function maskError(
  formatted: GraphQLFormattedError,
  original: unknown,
  requestId: string | undefined,
  log: ErrorLogger,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublicCode(code)) {
    const { stacktrace: _s, serviceName: _n, exception: _e, ...rest } = (formatted.extensions ?? {}) as Record<
      string,
      unknown
    >;
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: rest };
  }
  log.error('unexpected error', {
    requestId,
    code: typeof code === 'string' ? code : undefined,
    ...describeError(original instanceof Error ? original : new Error(formatted.message)),
  });
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * What an operator needs from an unexpected error, without the data that may sit in it: Prisma's
 * messages quote the failed call with its arguments, so only the error class, its code, the last
 * line of the message (the database's own words) and the stack frames are kept.
 */
export function describeError(error: Error): { errorName: string; errorCode?: string; error: string; stack?: string } {
  const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
  const isPrisma = 'clientVersion' in error;
  const code = (error as { code?: unknown }).code;
  const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 12).join('\n');
  return {
    errorName: error.name,
    errorCode: typeof code === 'string' ? code : undefined,
    error: (isPrisma ? lines.at(-1) : lines[0]) ?? '',
    stack: frames,
  };
}

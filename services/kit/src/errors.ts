import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes a client may see and act on. Anything else is masked as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CAPACITY_FULL',
  'INVALID_TRANSITION',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const PUBLIC_CODES = new Set<string>([
  ...ERROR_CODES,
  // Apollo's own client-error codes: safe, and useful to integrators.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
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
  const cause = original instanceof Error ? original : undefined;
  log.error('unexpected error', {
    requestId,
    code: typeof code === 'string' ? code : undefined,
    error: cause?.message ?? formatted.message,
    stack: cause?.stack,
  });
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

import type { GraphQLFormattedError } from 'graphql';
import { maskError, type ErrorLogger } from '@haven/kit/src/errors';

/** Extension keys that describe our internals (subgraph names, URLs, HTTP exchanges, stacks). */
const INTERNAL_KEYS = ['serviceName', 'response', 'exception', 'stacktrace', 'http', 'url'];

/**
 * The gateway's formatError. @apollo/gateway forwards subgraph messages with `serviceName`, and a
 * refused or failed hop to a subgraph arrives as e.g. "401: Unauthorized" with the subgraph's URL in
 * `extensions.response` — to a client that is our fault, not theirs, so it is masked as internal.
 */
export function maskGatewayError(
  formatted: GraphQLFormattedError,
  original: unknown,
  requestId: string | undefined,
  log: ErrorLogger,
): GraphQLFormattedError {
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  const hopFailure = 'response' in extensions;
  const cleaned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extensions)) if (!INTERNAL_KEYS.includes(key)) cleaned[key] = value;
  if (hopFailure) cleaned.code = 'INTERNAL_SERVER_ERROR';
  const masked = maskError({ ...formatted, extensions: cleaned }, original, requestId, log);
  return masked.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...masked, extensions: { ...masked.extensions, requestId } } : masked;
}

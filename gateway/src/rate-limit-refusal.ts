import type { ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '@haven/kit/src/errors';
import { sendJson } from '@haven/kit/src/http/body';
import { HEADER_REQUEST_ID } from '@haven/kit/src/http/internal-client';

/** One fixed message for every limit: the numbers would only help a caller tune a flood. */
export const RATE_LIMITED_MESSAGE = 'Too many requests; wait a little and try again.';

/** The refusal as a response body; the same shape as every other gateway error. */
export function rateLimitedBody(retryAfterSeconds: number, requestId: string) {
  return { errors: [{ message: RATE_LIMITED_MESSAGE, extensions: { code: 'RATE_LIMITED', retryAfterSeconds, requestId } }] };
}

/** Answers 429 before Apollo sees the request: nothing parsed, planned or sent to a subgraph. */
export function sendRateLimited(res: ServerResponse, retryAfterSeconds: number, requestId: string): void {
  sendJson(res, 429, rateLimitedBody(retryAfterSeconds, requestId), {
    'retry-after': String(retryAfterSeconds),
    [HEADER_REQUEST_ID]: requestId,
  });
}

/** The refusal thrown from inside Apollo's pipeline (before planning); Apollo takes status and header from `http`. */
export function rateLimitedError(retryAfterSeconds: number, requestId: string): AppError {
  return new AppError('RATE_LIMITED', RATE_LIMITED_MESSAGE, {
    retryAfterSeconds,
    requestId,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}

/**
 * When an answer refuses for a rate — identity's TOO_MANY_ATTEMPTS (a locked email) — how long to wait, in whole
 * seconds ≥ 1: the longest `retryAfterSeconds` among those errors, or a minute when one does not say. Null when
 * no error is such a refusal.
 */
export function retryAfterOf(errors: readonly GraphQLFormattedError[]): number | null {
  const waits = errors
    .filter((error) => error.extensions?.code === 'TOO_MANY_ATTEMPTS')
    .map((error) => {
      const seconds = error.extensions?.retryAfterSeconds;
      return typeof seconds === 'number' && Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : 60;
    });
  return waits.length === 0 ? null : Math.max(...waits);
}

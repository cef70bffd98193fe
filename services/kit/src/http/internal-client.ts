import { randomUUID } from 'node:crypto';
import type { PartKeys } from '../trust/keys';
import { sha256 } from '../trust/digest';
import { signAssertion } from '../trust/tokens';
import type { PartName } from '../taxonomy';
import { AppError } from '../errors';

export const HEADER_ASSERTION = 'x-haven-assertion';
export const HEADER_IDENTITY = 'x-haven-identity';
export const HEADER_REQUEST_ID = 'x-request-id';

/**
 * Calls another part's internal route, signed with this part's own key, bound to the target
 * (audience) and to this exact body, carrying the end user's identity when there is one.
 */
export async function callInternal<T>(options: {
  keys: PartKeys;
  target: PartName;
  baseUrl: string;
  route: string;
  body: unknown;
  identityToken: string | null;
  requestId?: string;
  timeoutMs?: number;
  /** Where to report a failed call (the target's name stays in the logs, never in the client's error). */
  onFailure?: (failure: { target: PartName; route: string; status: number }) => void;
}): Promise<T> {
  const text = JSON.stringify(options.body);
  const requestId = options.requestId ?? randomUUID();
  const assertion = await signAssertion(options.keys.privateKey, {
    issuer: options.keys.self,
    audience: options.target,
    requestDigest: sha256(text),
    identityToken: options.identityToken,
    requestId,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [HEADER_ASSERTION]: assertion,
    [HEADER_REQUEST_ID]: requestId,
  };
  if (options.identityToken) headers[HEADER_IDENTITY] = options.identityToken;
  let response: Response;
  try {
    response = await fetch(new URL(`/internal/${options.route}`, options.baseUrl), {
      method: 'POST',
      headers,
      body: text,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
  } catch {
    // Clients may see this message: it names no part of the system.
    throw new AppError('SERVICE_UNAVAILABLE', 'A part of Haven did not answer; try again');
  }
  const payload = (await response.json().catch(() => null)) as { result?: T; error?: { code: string; message: string } } | null;
  if (response.ok && payload && 'result' in payload) return payload.result as T;
  if (payload?.error && response.status < 500) {
    throw new AppError(payload.error.code as never, payload.error.message);
  }
  options.onFailure?.({ target: options.target, route: options.route, status: response.status });
  throw new AppError('SERVICE_UNAVAILABLE', 'A part of Haven could not answer; try again');
}

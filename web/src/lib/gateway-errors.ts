/**
 * How the gateway's answers map to what a portal page can do about them. Pure, so it is unit-tested.
 */

export type GatewayFailure =
  /** No session, or the session ended (expired, revoked, user deactivated): go to /login. */
  | { kind: 'UNAUTHENTICATED' }
  /** Signed in, but this operation is not for this user in the active organisation. */
  | { kind: 'FORBIDDEN' }
  /** The gateway answered with an error code the caller may handle (INVALID_CREDENTIALS, BAD_USER_INPUT, …). */
  | { kind: 'REJECTED'; code: string; fields: string[]; reason?: string }
  /** Unreachable, timed out, failed unexpectedly, or answered something we do not understand. */
  | { kind: 'UNAVAILABLE' };

export type GraphQLErrorBody = {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; field?: unknown; fields?: unknown; reason?: unknown; requestId?: unknown };
};

/**
 * An ended session outranks everything (the user must sign in again), then a refusal; otherwise the
 * first coded error decides. Codes that mean "the portal sent a bad document" or "the server broke"
 * are not the user's to fix: they become UNAVAILABLE (and are logged with their code).
 */
const NOT_THE_USERS_FAULT = new Set([
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function failureFromErrors(errors: GraphQLErrorBody[]): { failure: GatewayFailure; code: string | undefined } {
  const codes = errors.map((error) => (typeof error?.extensions?.code === 'string' ? error.extensions.code : undefined));
  if (codes.includes('UNAUTHENTICATED')) return { failure: { kind: 'UNAUTHENTICATED' }, code: 'UNAUTHENTICATED' };
  if (codes.includes('FORBIDDEN')) return { failure: { kind: 'FORBIDDEN' }, code: 'FORBIDDEN' };
  const code = codes.find((c): c is string => c !== undefined);
  if (!code || NOT_THE_USERS_FAULT.has(code) || code.startsWith('GRAPHQL_')) {
    return { failure: { kind: 'UNAVAILABLE' }, code };
  }
  const fields = errors.flatMap((error) => {
    const { field, fields } = error?.extensions ?? {};
    if (typeof field === 'string') return [field];
    if (Array.isArray(fields)) return fields.filter((f): f is string => typeof f === 'string');
    return [];
  });
  // Some refusals say why in a word (CONFLICT's OWN_MEMBERSHIP, LAST_ADMIN …), so a page can name the rule.
  const reason = errors.map((error) => error?.extensions?.reason).find((r): r is string => typeof r === 'string');
  return { failure: { kind: 'REJECTED', code, fields, ...(reason ? { reason } : {}) }, code };
}

const isNestedDenial = (error: GraphQLErrorBody) =>
  error?.extensions?.code === 'FORBIDDEN' && Array.isArray(error.path) && error.path.length > 1;

/**
 * True when every error is an access rule withholding a field *inside* the answer (a path below the root
 * field, code FORBIDDEN): the rest of the data is good and the page shows those fields as absent — e.g. a
 * coordinator reading a timeline whose partner-side actor's name is not theirs to see. A refusal of a root
 * field, or any other error, still fails the whole call.
 */
export function onlyNestedDenials(errors: GraphQLErrorBody[]): boolean {
  return errors.length > 0 && errors.every(isNestedDenial);
}

/** What the gateway puts in place of a part of Haven that failed or could not be reached (details stay in its log). */
function isMaskedFailure(error: GraphQLErrorBody): boolean {
  const code = error?.extensions?.code;
  return (code === 'INTERNAL_SERVER_ERROR' && typeof error.extensions?.requestId === 'string') || code === 'SERVICE_UNAVAILABLE';
}

/** Only an id-shaped reference is shown to the user: it is for quoting to the service desk, nothing else. */
const REFERENCE = /^[A-Za-z0-9-]{1,64}$/;

/**
 * When a part of Haven was down the gateway still answers the rest, with a masked error (a code and a request
 * id, no path) for what is missing. Non-null when every error is such a failure or a nested denial and at least
 * one is a failure; its reference is the gateway's request id, which the gateway's log names, for the user to quote.
 * Whether the data that did come is enough for the page is the page's to say (see callGateway's `partial`).
 */
export function partialFailure(errors: GraphQLErrorBody[]): { reference: string | undefined } | null {
  if (!errors.some(isMaskedFailure) || !errors.every((error) => isMaskedFailure(error) || isNestedDenial(error))) return null;
  const reference = errors.map((error) => error?.extensions?.requestId).find((id): id is string => typeof id === 'string' && REFERENCE.test(id));
  return { reference };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from './context';
import { rateLimitedError, retryAfterOf } from './rate-limit-refusal';
import type { GatewayRateLimits } from './rate-limits';

/**
 * The two rate rules that need the parsed operation, in Apollo's pipeline:
 * - after the operation is resolved and validated, before anything is planned: every `login` field at the root of
 *   a mutation counts against the stricter per-address login bucket (aliases let one request carry several);
 * - before the answer leaves: identity's TOO_MANY_ATTEMPTS (a locked email) becomes HTTP 429 with Retry-After,
 *   so every client can treat "slow down" alike, however it was decided.
 */
export function rateLimitPlugin(limits: GatewayRateLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const attempts = operation ? countRootFields(operation, document, SIGN_IN_FIELDS) : 0;
          if (attempts === 0) return;
          const refusal = limits.admitLogin(contextValue.clientAddress, attempts);
          if (!refusal) return;
          contextValue.log.info('rate limited', { limit: refusal.limit, retryAfterSeconds: refusal.retryAfterSeconds });
          throw rateLimitedError(refusal.retryAfterSeconds, contextValue.requestId);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const retryAfter = retryAfterOf(response.body.singleResult.errors ?? []);
          if (retryAfter === null) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}

/**
 * Each one is a guess at a secret — a password (`login`), a second-factor code (`completeLogin`), an e-mailed link
 * (`acceptInvitation`, `resetPassword`) — or sends mail to an address anyone can type (`requestPasswordReset`), so
 * all share the sign-in bucket per client address.
 */
export const SIGN_IN_FIELDS: ReadonlySet<string> = new Set(['login', 'completeLogin', 'requestPasswordReset', 'resetPassword', 'acceptInvitation']);

/** How many of `fieldNames` are selected at a mutation's root, through inline fragments and fragment spreads too. */
export function countRootFields(operation: OperationDefinitionNode, document: DocumentNode, fieldNames: ReadonlySet<string>): number {
  if (operation.operation !== 'mutation') return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number =>
    selectionSet.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (fieldNames.has(selection.name.value) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      // Validation refuses unknown and cyclic spreads before this runs; the guard keeps this total regardless.
      if (!fragment || seen.has(fragment.name.value)) return total;
      return total + count(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }, 0);
  return count(operation.selectionSet, new Set());
}

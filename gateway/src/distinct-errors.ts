import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/**
 * A subgraph that is down fails every fetch the plan makes to it, and each failure is masked to the same
 * `Internal server error` with the same request id and no path: the client would read one outage as several.
 * Identical errors are sent once; errors that differ in anything (path, code, message) all stay.
 */
export function distinctErrorsPlugin<Ctx extends object>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = distinctErrors(response.body.singleResult.errors);
        },
      };
    },
  };
}

export function distinctErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = JSON.stringify(error);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

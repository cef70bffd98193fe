import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import type { GraphqlOutcome, RequestRecord } from './request-record';

interface ResponseErrors {
  errors?: readonly { extensions?: Record<string, unknown> }[];
  data?: unknown;
}

/**
 * What a signed-out caller's operation is called in metrics and logs. Operation names are chosen by the client:
 * anyone could otherwise fill the bounded label set with junk (and write what they like into the log), so only
 * callers identity has vouched for get their operation's own name. Signing in is the one thing signed-out
 * callers do, so its errors stay visible under this label.
 */
export const SIGNED_OUT_OPERATION = 'signed_out';

/**
 * Notes each operation's name, outcome and error codes on the current request's record (request-record.ts),
 * after masking has set the codes the client sees. Reads nothing of the query text or variables.
 * `signedIn` tells from the request's context whether identity vouched for the caller.
 */
export function graphqlObserverPlugin<Ctx extends BaseContext & { requestRecord?: RequestRecord }>(
  signedIn: (context: Ctx) => boolean,
): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName, request, document, contextValue }) {
          const record = contextValue.requestRecord;
          if (!record) return;
          const result: ResponseErrors = response.body.kind === 'single' ? response.body.singleResult : {};
          const errors = result.errors ?? [];
          const outcome: GraphqlOutcome = errors.length === 0 ? 'ok' : result.data ? 'partial' : 'error';
          record.graphql = {
            operationName: signedIn(contextValue)
              ? (operationName ?? request.operationName ?? soleOperationName(document))
              : SIGNED_OUT_OPERATION,
            outcome,
            errorCodes: errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')),
          };
        },
      };
    },
  };
}

/** Apollo resolves the operation only after validation: a document that failed it is still named by its one operation. */
function soleOperationName(document: DocumentNode | undefined): string | null {
  const operations = document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 && operations[0]!.kind === Kind.OPERATION_DEFINITION ? (operations[0]!.name?.value ?? null) : null;
}

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import { currentRequestRecord, type GraphqlOutcome } from './request-record';

interface ResponseErrors {
  errors?: readonly { extensions?: Record<string, unknown> }[];
  data?: unknown;
}

/**
 * Notes each operation's name, outcome and error codes on the current request's record (request-record.ts),
 * after masking has set the codes the client sees. Reads nothing of the query text or variables.
 */
export function graphqlObserverPlugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName, request, document }) {
          const record = currentRequestRecord();
          if (!record) return;
          const result: ResponseErrors = response.body.kind === 'single' ? response.body.singleResult : {};
          const errors = result.errors ?? [];
          const outcome: GraphqlOutcome = errors.length === 0 ? 'ok' : result.data ? 'partial' : 'error';
          record.graphql = {
            operationName: operationName ?? request.operationName ?? soleOperationName(document),
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

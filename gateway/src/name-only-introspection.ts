import { GraphQLError, Kind, type ASTVisitor, type FieldNode, type ValidationContext } from 'graphql';

/**
 * Introspection switched off, as production runs: `__schema` is refused, and `__type(name: …)` is answered only
 * when it asks for nothing but the type's `name` (and `__typename`). That much says whether a type of that name
 * exists — which the published schema reference (docs/api.md) says anyway — and lets a generic GraphQL-over-HTTP
 * client or conformance probe (graphql-http's audit asks exactly this) run; fields, arguments, enum values and
 * descriptions stay closed. Replaces Apollo's all-or-nothing NoIntrospection rule.
 */
export function nameOnlyIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || (node.name.value === '__type' && !asksOnlyTheName(node))) {
        context.reportError(
          new GraphQLError('GraphQL introspection is not allowed here', {
            nodes: [node],
            extensions: { validationErrorCode: 'INTROSPECTION_DISABLED' },
          }),
        );
      }
    },
  };
}

const NAME_ONLY = new Set(['name', '__typename']);

/** Every selection directly under `__type` is a plain `name`/`__typename` field: no fragments, nothing nested. */
function asksOnlyTheName(node: FieldNode): boolean {
  const selections = node.selectionSet?.selections ?? [];
  return selections.every((selection) => selection.kind === Kind.FIELD && NAME_ONLY.has(selection.name.value) && !selection.selectionSet);
}

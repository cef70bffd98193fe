import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { VaultCategory } from '../generated/prisma/enums';
import { VAULT_GROUPS, type VaultGroup } from '../domain/vault-fields';

/**
 * The vault categories a `personalData { … }` selection asks for (identity, contact, health, caseNotes),
 * through inline fragments and named fragments too. Only these are opened and recorded in the audit trail:
 * asking for `withheld` alone reads nothing.
 */
export function requestedCategories(info: GraphQLResolveInfo): Set<VaultCategory> {
  const found = new Set<VaultCategory>();
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') {
        const group = VAULT_GROUPS[selection.name.value as VaultGroup];
        if (group) found.add(group.category);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return found;
}

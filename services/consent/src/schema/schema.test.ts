import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule } from '@haven/kit/src/graphql/coverage';
import { consentPermissions } from '../permissions';
import { buildConsentSubgraph } from '.';

describe('consent subgraph schema', () => {
  it('prints the SDL the supergraph is composed from', () => {
    expect(printSubgraphSchema(buildConsentSubgraph())).toMatchSnapshot();
  });

  it('gives every type and field an explicit permission rule', () => {
    expect(fieldsWithoutRule(buildConsentSubgraph(), consentPermissions as Record<string, unknown>)).toEqual([]);
  });

  it('names no type or field in the permission map that the schema lacks', () => {
    const schema = buildConsentSubgraph();
    const stale: string[] = [];
    for (const [typeName, rules] of Object.entries(consentPermissions)) {
      const type = schema.getType(typeName);
      if (!type || !('getFields' in type)) {
        stale.push(typeName);
        continue;
      }
      if (typeof (rules as { resolve?: unknown }).resolve === 'function') continue;
      for (const field of Object.keys(rules as object)) if (!(field in type.getFields())) stale.push(`${typeName}.${field}`);
    }
    expect(stale).toEqual([]);
  });
});

import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule, rulesWithoutField } from '@haven/kit/src/graphql/coverage';
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
    expect(rulesWithoutField(buildConsentSubgraph(), consentPermissions as Record<string, unknown>)).toEqual([]);
  });
});

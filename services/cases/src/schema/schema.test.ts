import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule, rulesWithoutField } from '@haven/kit/src/graphql/coverage';
import { casesPermissions } from '../permissions';
import { buildCasesSubgraph } from '.';

describe('cases subgraph schema', () => {
  it('prints the SDL the supergraph is composed from', () => {
    expect(printSubgraphSchema(buildCasesSubgraph())).toMatchSnapshot();
  });

  it('gives every type and field an explicit permission rule', () => {
    expect(fieldsWithoutRule(buildCasesSubgraph(), casesPermissions as Record<string, unknown>)).toEqual([]);
  });

  it('names no type or field in the permission map that the schema lacks', () => {
    expect(rulesWithoutField(buildCasesSubgraph(), casesPermissions as Record<string, unknown>)).toEqual([]);
  });
});

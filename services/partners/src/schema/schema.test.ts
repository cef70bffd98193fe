import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule, rulesWithoutField } from '@haven/kit/src/graphql/coverage';
import { partnersPermissions } from '../permissions';
import { buildPartnersSubgraph } from '.';

describe('partners subgraph schema', () => {
  it('prints the SDL the supergraph is composed from', () => {
    expect(printSubgraphSchema(buildPartnersSubgraph())).toMatchSnapshot();
  });

  it('gives every type and field an explicit permission rule', () => {
    expect(fieldsWithoutRule(buildPartnersSubgraph(), partnersPermissions as Record<string, unknown>)).toEqual([]);
  });

  it('names no type or field in the permission map that the schema lacks', () => {
    expect(rulesWithoutField(buildPartnersSubgraph(), partnersPermissions as Record<string, unknown>)).toEqual([]);
  });
});

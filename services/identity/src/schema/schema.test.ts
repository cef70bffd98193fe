import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule, rulesWithoutField } from '@haven/kit/src/graphql/coverage';
import { identityPermissions } from '../permissions';
import { buildIdentitySubgraph } from './index';

describe('identity subgraph schema', () => {
  it('prints the SDL composed into the supergraph', () => {
    expect(printSubgraphSchema(buildIdentitySubgraph())).toMatchSnapshot();
  });

  it('has an explicit permission rule for every field, _entities and _service included', () => {
    const schema = buildIdentitySubgraph();
    expect(fieldsWithoutRule(schema, identityPermissions as Record<string, unknown>)).toEqual([]);
    expect(Object.keys((identityPermissions as Record<string, object>).Query!)).toEqual(expect.arrayContaining(['_entities', '_service']));
  });

  it('names no type or field in the permission map that the schema lacks', () => {
    expect(rulesWithoutField(buildIdentitySubgraph(), identityPermissions as Record<string, unknown>)).toEqual([]);
  });
});

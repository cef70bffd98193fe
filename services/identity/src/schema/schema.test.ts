import { printSubgraphSchema } from '@apollo/subgraph';
import { fieldsWithoutRule } from '@haven/kit/src/graphql/coverage';
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
});

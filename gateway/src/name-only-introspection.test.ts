import { buildSchema, parse, validate } from 'graphql';
import { nameOnlyIntrospection } from './name-only-introspection';

const schema = buildSchema('type Query { secretField: String } type Hidden { inner: String }');
const refused = (query: string) => validate(schema, parse(query), [nameOnlyIntrospection]).map((e) => e.extensions.validationErrorCode);

describe('name-only introspection (introspection off)', () => {
  it.each([
    '{ __type(name: "Query") { name } }',
    '{ __type(name: "Nothing") { name __typename } }',
    'query Type($name: String!) { __type(name: $name) { name } }',
    '{ __typename }',
    '{ secretField }',
  ])('answers %s', (query) => {
    expect(refused(query)).toEqual([]);
  });

  it.each([
    '{ __schema { types { name } } }',
    '{ __schema { queryType { name } } }',
    '{ __type(name: "Query") { fields { name } } }',
    '{ __type(name: "Query") { name description } }',
    '{ __type(name: "Query") { kind } }',
    '{ __type(name: "Query") { ... on __Type { fields { name } } } }',
    '{ __type(name: "Query") { ...T } } fragment T on __Type { fields { name } }',
    '{ secretField __type(name: "Hidden") { name fields { name } } }',
  ])('refuses %s as introspection', (query) => {
    expect(refused(query)).toEqual(['INTROSPECTION_DISABLED']);
  });

  it('refuses __schema nested anywhere', () => {
    expect(refused('{ __type(name: "Query") { name } a: __schema { types { name } } }')).toEqual(['INTROSPECTION_DISABLED']);
  });
});

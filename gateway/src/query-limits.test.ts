import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import { DEFAULT_QUERY_LIMITS, maskQueryLimitError, QUERY_LIMIT_CODE, QUERY_LIMIT_MESSAGE, queryLimitOptions, type QueryLimits } from './query-limits';

// Each limit on its own: everything else generous, one limit just below what the document needs.

const schema = buildSchema(`
  type Query { node: Node, nodes(first: Int): [Node!]! }
  type Node { id: ID!, child: Node }
`);
const HUGE: QueryLimits = { maxDepth: 1000, maxAliases: 1000, maxDirectives: 1000, maxTokens: 100_000, maxCost: 1e9 };

function errors(limits: QueryLimits, query: string) {
  const { validationRules, parseOptions } = queryLimitOptions(limits, { introspection: false });
  return validate(schema, parse(query, parseOptions), validationRules).map((error) => error.message);
}

describe('query limits, one at a time', () => {
  const cases: Array<[keyof QueryLimits, number, string]> = [
    ['maxDepth', 3, '{ node { child { child { child { id } } } } }'],
    ['maxAliases', 2, '{ a: node { id } b: node { id } c: node { id } }'],
    ['maxDirectives', 2, '{ node @include(if: true) { id @skip(if: false) child @include(if: true) { id } } }'],
    ['maxCost', 100, '{ nodes(first: 100) { id } }'],
  ];

  it.each(cases)('%s refuses a document over it, and lets the same document through at a higher limit', (key, tight, query) => {
    expect(errors({ ...HUGE, [key]: tight }, query)).toEqual([QUERY_LIMIT_MESSAGE]);
    expect(errors({ ...HUGE, [key]: tight * 10 }, query)).toEqual([]);
  });

  it('maxTokens stops the parser itself, and the message is ours without the number', () => {
    const { parseOptions } = queryLimitOptions({ ...HUGE, maxTokens: 10 }, { introspection: false });
    let thrown: unknown;
    try {
      parse('{ node { id child { id child { id } } } }', parseOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    const masked = maskQueryLimitError({ message: (thrown as GraphQLError).message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(masked).toEqual({ message: QUERY_LIMIT_MESSAGE, extensions: { code: QUERY_LIMIT_CODE } });
  });

  it('leaves every other error as it was', () => {
    const other = { message: 'Syntax Error: Unexpected Name "x".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(maskQueryLimitError(other)).toBe(other);
  });

  it('the defaults are the ones documented in docs/operations.md', () => {
    expect(DEFAULT_QUERY_LIMITS).toEqual({ maxDepth: 10, maxAliases: 20, maxDirectives: 20, maxTokens: 2000, maxCost: 50000 });
  });
});

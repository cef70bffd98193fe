import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildSchema,
  Kind,
  Lexer,
  parse,
  print,
  Source,
  specifiedRules,
  TokenKind,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
} from 'graphql';
import { DEFAULT_QUERY_LIMITS, queryLimitOptions } from './query-limits';

// The limits must let every portal operation through: a limit the portal trips is an outage, and a new
// heavy portal query should be a conscious decision (raise the default, say why), not a surprise in
// production. The portal's documents are read as text — the gateway never imports web/ code.

const ROOT = resolve(__dirname, '../..');
const schema = buildSchema(readFileSync(join(ROOT, 'schema/api.graphql'), 'utf8'));

function portalOperationFiles(): string[] {
  const operations = join(ROOT, 'web/src/lib/operations');
  const components = join(ROOT, 'web/src/components');
  return [
    ...readdirSync(operations).filter((name) => name.endsWith('.ts')).map((name) => join(operations, name)),
    ...readdirSync(components, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('operations.ts'))
      .map((path) => join(components, path)),
  ];
}

/** Every graphql(`…`) template in the portal, parsed; gql.tada's client-only @_unmask is dropped as it does at runtime. */
function portalDocuments(): Array<{ file: string; document: DocumentNode }> {
  const found: Array<{ file: string; document: DocumentNode }> = [];
  for (const file of portalOperationFiles()) {
    for (const match of readFileSync(file, 'utf8').matchAll(/graphql\(\s*`([^`]*)`/g)) {
      const document = visit(parse(match[1]!), {
        Directive: (node) => (node.name.value === '_unmask' ? null : undefined),
      });
      found.push({ file: file.slice(ROOT.length + 1), document });
    }
  }
  return found;
}

const documents = portalDocuments();
const fragments = new Map<string, FragmentDefinitionNode>();
for (const { document } of documents)
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

/** An operation with the fragments it spreads (transitively), as gql.tada sends it. */
function withFragments(document: DocumentNode): DocumentNode {
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: unknown) =>
    visit(node as DocumentNode, {
      FragmentSpread: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`unknown fragment ${spread.name.value}`);
        if (!needed.has(spread.name.value)) {
          needed.set(spread.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(document);
  const own = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [...own, ...needed.values()] };
}

const operations = documents
  .map(({ file, document }) => {
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    return operation && { file, name: operation.name?.value ?? '(anonymous)', document: withFragments(document) };
  })
  .filter((operation) => operation !== undefined);

function tokenCount(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

describe('query limits against the portal', () => {
  const { validationRules, parseOptions } = queryLimitOptions(DEFAULT_QUERY_LIMITS, { introspection: false });

  it('finds the portal operations (the extraction itself works)', () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(fragments.size).toBeGreaterThan(0);
  });

  it.each(operations.map((operation) => [`${operation.file} ${operation.name}`, operation] as const))(
    '%s is valid and within every limit',
    (_label, { document }) => {
      const text = print(document);
      expect(tokenCount(text)).toBeLessThanOrEqual(parseOptions.maxTokens);
      expect(() => parse(text, parseOptions)).not.toThrow();
      expect(validate(schema, document, [...specifiedRules, ...validationRules]).map((error) => error.message)).toEqual([]);
    },
  );

  it('refuses a document just over a limit (the rules are live in this harness)', () => {
    const tight = queryLimitOptions({ ...DEFAULT_QUERY_LIMITS, maxCost: 1 }, { introspection: false });
    const heaviest = operations[0]!.document;
    expect(validate(schema, heaviest, [...specifiedRules, ...tight.validationRules])).not.toEqual([]);
  });
});

// Every GraphQL document the portal sends must be valid against the API schema its types come from
// (schema/api.graphql, derived from the supergraph by `npm run compose`). gql.tada's types already fail
// `npm run typecheck` on an unknown field; full validation also catches what types do not (a missing
// required argument, an unknown argument, a variable of the wrong type).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const { buildSchema, parse, validate } = require('graphql');

const repo = new URL('../..', import.meta.url).pathname;
const operationsDir = join(repo, 'web', 'src', 'lib', 'operations');
const schema = buildSchema(readFileSync(join(repo, 'schema', 'api.graphql'), 'utf8'));

// gql.tada's client-side directive (it keeps a fragment's fields in the operation's type); its runtime strips it
// before sending, so it is stripped here too.
const withoutClientDirectives = (source) => source.replaceAll('@_unmask', '');

const sources = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .flatMap((file) =>
    [...readFileSync(join(operationsDir, file), 'utf8').matchAll(/\bgraphql\(`([^`]*)`/g)].map((match) => ({
      file,
      source: withoutClientDirectives(match[1]),
    })),
  );

// A fragment is sent with each operation that spreads it (gql.tada appends it), so it is validated there.
const isFragment = ({ source }) => /^\s*fragment\s/.test(source);
const fragments = new Map(sources.filter(isFragment).map(({ source }) => [/fragment\s+(\w+)/.exec(source)[1], source]));
const documents = sources
  .filter((document) => !isFragment(document))
  .map(({ file, source }) => {
    const spread = [...new Set([...source.matchAll(/\.\.\.\s*(\w+)/g)].map((match) => match[1]))].filter((name) => fragments.has(name));
    return { file, source: [source, ...spread.map((name) => fragments.get(name))].join('\n') };
  });

describe('portal operations', () => {
  it('are found', () => {
    assert.ok(documents.length >= 10, `found ${documents.length}`);
  });

  for (const { file, source } of documents) {
    const document = parse(source);
    const name = document.definitions[0]?.name?.value ?? '(anonymous)';
    it(`${name} (${file}) is valid against the API schema`, () => {
      assert.deepEqual(
        validate(schema, document).map((error) => error.message),
        [],
      );
      // callGateway sends the operation's name and refuses a document without one.
      assert.equal(document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length, 1);
      assert.notEqual(name, '(anonymous)');
    });
  }
});

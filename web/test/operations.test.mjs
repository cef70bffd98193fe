// Every GraphQL document the portal sends must be valid against the committed supergraph
// (schema/supergraph.graphql), so a renamed field fails here rather than as an error page.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);
const { parse, validate } = require('graphql');
const { Supergraph } = require('@apollo/federation-internals');

const repo = new URL('../..', import.meta.url).pathname;
const operationsDir = join(repo, 'web', 'src', 'lib', 'operations');
const schema = Supergraph.build(readFileSync(join(repo, 'schema', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();

const documents = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .flatMap((file) =>
    [...readFileSync(join(operationsDir, file), 'utf8').matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((match) => ({
      file,
      source: match[1],
    })),
  );

describe('portal operations', () => {
  it('are found', () => {
    assert.ok(documents.length >= 10, `found ${documents.length}`);
  });

  for (const { file, source } of documents) {
    const document = parse(source);
    const name = document.definitions[0]?.name?.value ?? '(anonymous)';
    it(`${name} (${file}) is valid against the supergraph`, () => {
      assert.deepEqual(
        validate(schema, document).map((error) => error.message),
        [],
      );
    });
  }
});

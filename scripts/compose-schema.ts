/**
 * Prints each subgraph's SDL from its code into schema/<service>.graphql and composes them into
 * schema/supergraph.graphql, which the gateway serves as is (it never introspects subgraphs).
 * From the supergraph it also derives the schema clients see (schema/api.graphql: no federation
 * internals) and gql.tada's introspection types for the portal (web/src/graphql-env.d.ts), so a
 * schema change that breaks a portal query fails `npm run typecheck`. The schema reference at the end of
 * docs/api.md is generated from the API schema too (scripts/api-reference.ts; the guide above it is kept).
 *
 *   npm run compose             write the files
 *   npm run compose -- --check  exit 1 and name the stale files when the committed ones differ
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema, introspectionFromSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import { apiDocument } from './api-reference';

export const REPO_ROOT = resolve(__dirname, '..');
export const SCHEMA_DIR = join(REPO_ROOT, 'schema');
export const PORTAL_SCHEMA_TYPES = join(REPO_ROOT, 'web', 'src', 'graphql-env.d.ts');
export const API_DOC = join(REPO_ROOT, 'docs', 'api.md');

/**
 * Each subgraph's builder and default address (the gateway overrides addresses from its config).
 * Loaded lazily so that printing one service's SDL never needs a database or another service.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const SUBGRAPH_SOURCES: Record<SubgraphName, { url: string; build: () => GraphQLSchema }> = {
  identity: {
    url: 'http://127.0.0.1:4001/graphql',
    build: () => require('../services/identity/src/schema').buildIdentitySubgraph(),
  },
  partners: {
    url: 'http://127.0.0.1:4002/graphql',
    build: () => require('../services/partners/src/schema').buildPartnersSubgraph(),
  },
  cases: {
    url: 'http://127.0.0.1:4003/graphql',
    build: () => require('../services/cases/src/schema').buildCasesSubgraph(),
  },
  consent: {
    url: 'http://127.0.0.1:4004/graphql',
    build: () => require('../services/consent/src/schema').buildConsentSubgraph(),
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

export class CompositionError extends Error {}

/** The files `schema/` should hold, keyed by their path, as generated from the code right now. */
export function generateSchemaFiles(
  subgraphs: readonly SubgraphName[] = SUBGRAPHS,
  onHint: (hint: string) => void = () => undefined,
): Map<string, string> {
  const files = new Map<string, string>();
  const services = subgraphs.map((name) => {
    const sdl = printSubgraphSchema(SUBGRAPH_SOURCES[name].build());
    files.set(join(SCHEMA_DIR, `${name}.graphql`), withNewline(sdl));
    return { name, url: SUBGRAPH_SOURCES[name].url, typeDefs: parse(sdl) };
  });
  const result = composeServices(services);
  if (result.errors) {
    const errors = result.errors.map((error) => `  error: ${error.message}`);
    throw new CompositionError(['Composition failed:', ...errors].join('\n'));
  }
  for (const hint of result.hints) onHint(hint.toString());
  files.set(join(SCHEMA_DIR, 'supergraph.graphql'), withNewline(result.supergraphSdl));
  const apiSdl = apiSchemaSdl(result.supergraphSdl);
  files.set(join(SCHEMA_DIR, 'api.graphql'), apiSdl);
  files.set(PORTAL_SCHEMA_TYPES, portalSchemaTypes(apiSdl));
  // The hand-written guide above the generated reference comes from the committed file itself.
  files.set(API_DOC, apiDocument(existsSync(API_DOC) ? readFileSync(API_DOC, 'utf8') : undefined, apiSdl));
  return files;
}

/** The schema as the gateway serves it to clients: the supergraph without join__/link__ internals. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return withNewline(printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()));
}

/**
 * gql.tada's introspection types, as `gql.tada generate output` writes them (minified, preprocessed),
 * made here from the API schema's SDL so that compose (and its --check) need no TypeScript project.
 */
export function portalSchemaTypes(apiSdl: string): string {
  const introspection = introspectionFromSchema(buildSchema(apiSdl), { descriptions: false });
  // Byte for byte what the CLI and the editor plugin (web/tsconfig.json) write, so neither makes it look stale.
  return outputIntrospectionFile(minifyIntrospection(introspection), { fileType: '.d.ts', shouldPreprocess: true });
}

/** The generated files whose committed copy is missing or different. */
export function staleSchemaFiles(files: Map<string, string>): string[] {
  return [...files]
    .filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content)
    .map(([path]) => relative(REPO_ROOT, path));
}

function withNewline(text: string) {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function main(argv: string[]) {
  const check = argv.includes('--check');
  let files: Map<string, string>;
  try {
    files = generateSchemaFiles(SUBGRAPHS, (hint) => console.warn(`hint: ${hint}`));
  } catch (error) {
    console.error(error instanceof CompositionError ? error.message : error);
    process.exit(1);
  }
  const stale = staleSchemaFiles(files);
  if (check) {
    if (stale.length === 0) return console.log('schema/ is up to date');
    console.error(`Stale schema files (run \`npm run compose\` and commit them):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [path, content] of files) writeFileSync(path, content);
  console.log(stale.length === 0 ? 'schema/ was already up to date' : `wrote ${stale.join(', ')}`);
}

if (require.main === module) main(process.argv.slice(2));

import { apiDocument, GENERATED_END, GENERATED_START } from '../../scripts/api-reference';
import { generateSchemaFiles, staleSchemaFiles } from '../../scripts/compose-schema';

describe('committed schema', () => {
  it('matches the SDL printed from every subgraph, their composition, the API schema, the portal types and the reference in docs/api.md (else run `npm run compose`)', () => {
    const files = generateSchemaFiles();
    // Four subgraphs, the supergraph, schema/api.graphql, web/src/graphql-env.d.ts and docs/api.md.
    expect(files.size).toBe(8);
    expect(staleSchemaFiles(files)).toEqual([]);
  });
});

describe('docs/api.md schema reference', () => {
  const sdl = `
    """Root."""
    type Query {
      """Things, a page at a time."""
      things(first: Int = 20, after: String): [Thing!]!
    }
    enum Colour { RED BLUE }
    type Thing { colour: Colour! }
  `;

  it('keeps the hand-written guide and replaces only what lies between the markers', () => {
    const stale = `# Guide\n\nHand-written.\n\n${GENERATED_START}\n\nold reference\n${GENERATED_END}\n`;
    const fresh = apiDocument(stale, sdl);
    expect(fresh.startsWith('# Guide\n\nHand-written.\n\n')).toBe(true);
    expect(fresh).not.toContain('old reference');
    expect(fresh).toContain('- `things(first: Int = 20, after: String): [Thing!]!` — Things, a page at a time.');
    // Regenerating a fresh document changes nothing, so --check passes only on the committed output.
    expect(apiDocument(fresh, sdl)).toBe(fresh);
  });

  it('is deterministic: types after Query in alphabetical order', () => {
    const doc = apiDocument(undefined, sdl);
    expect(doc.indexOf('### Query')).toBeLessThan(doc.indexOf('#### Colour'));
    expect(doc.indexOf('#### Colour')).toBeLessThan(doc.indexOf('#### Thing'));
    expect(apiDocument(undefined, sdl)).toBe(doc);
  });
});

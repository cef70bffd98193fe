import { generateSchemaFiles, staleSchemaFiles } from '../../scripts/compose-schema';

describe('committed schema', () => {
  it('matches the SDL printed from every subgraph, their composition, the API schema and the portal types (else run `npm run compose`)', () => {
    const files = generateSchemaFiles();
    // Four subgraphs, the supergraph, schema/api.graphql and web/src/graphql-env.d.ts.
    expect(files.size).toBe(7);
    expect(staleSchemaFiles(files)).toEqual([]);
  });
});

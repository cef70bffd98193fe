import { generateSchemaFiles, staleSchemaFiles } from '../../scripts/compose-schema';

describe('committed schema', () => {
  it('matches the SDL printed from every subgraph and their composition (else run `npm run compose`)', () => {
    const files = generateSchemaFiles();
    expect(files.size).toBe(5);
    expect(staleSchemaFiles(files)).toEqual([]);
  });
});

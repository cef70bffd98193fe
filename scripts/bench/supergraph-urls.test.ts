import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '../../tests/support/stack';
import { withSubgraphUrls } from './supergraph-urls';

const urls = {
  identity: 'http://127.0.0.1:5001/graphql',
  partners: 'http://127.0.0.1:5002/graphql',
  cases: 'http://127.0.0.1:5003/graphql',
  consent: 'http://127.0.0.1:5004/graphql',
};

describe('pointing the committed supergraph at this run’s subgraphs (for Hive Gateway)', () => {
  it('replaces the url of every subgraph and nothing else', () => {
    const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
    const rewritten = withSubgraphUrls(sdl, urls);
    for (const [name, url] of Object.entries(urls)) expect(rewritten).toContain(`@join__graph(name: "${name}", url: "${url}")`);
    expect(rewritten.replace(/url: "[^"]*"/g, '')).toBe(sdl.replace(/url: "[^"]*"/g, ''));
  });

  it('refuses a supergraph naming a subgraph Haven does not have', () => {
    expect(() => withSubgraphUrls('A @join__graph(name: "billing", url: "http://x/graphql")', urls)).toThrow('unknown subgraph: billing');
  });
});

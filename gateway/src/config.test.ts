import { loadGatewayConfig, subgraphUrlsFrom } from './config';

describe('gateway config', () => {
  it('defaults to port 4000, the subgraphs on 4001-4004 and the committed supergraph', () => {
    const config = loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys' });
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(subgraphUrlsFrom(config)).toEqual({
      identity: 'http://127.0.0.1:4001/graphql',
      partners: 'http://127.0.0.1:4002/graphql',
      cases: 'http://127.0.0.1:4003/graphql',
      consent: 'http://127.0.0.1:4004/graphql',
    });
    expect(config.SUPERGRAPH_PATH).toMatch(/schema\/supergraph\.graphql$/);
  });

  it('refuses to start without a keys directory, naming the setting', () => {
    expect(() => loadGatewayConfig({})).toThrow(/HAVEN_KEYS_DIR/);
  });

  it('refuses a subgraph URL that is not a URL', () => {
    expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', CASES_URL: 'cases' })).toThrow(/CASES_URL/);
  });
});

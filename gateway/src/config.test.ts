import { loadGatewayConfig, queryLimitsFrom, subgraphUrlsFrom } from './config';
import { DEFAULT_QUERY_LIMITS } from './query-limits';

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

  it('takes the query limits from the environment, with the documented defaults', () => {
    expect(queryLimitsFrom(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys' }))).toEqual(DEFAULT_QUERY_LIMITS);
    const config = loadGatewayConfig({
      HAVEN_KEYS_DIR: '/keys',
      HAVEN_QUERY_MAX_DEPTH: '8',
      HAVEN_QUERY_MAX_ALIASES: '5',
      HAVEN_QUERY_MAX_DIRECTIVES: '4',
      HAVEN_QUERY_MAX_TOKENS: '900',
      HAVEN_QUERY_MAX_COST: '30000',
    });
    expect(queryLimitsFrom(config)).toEqual({ maxDepth: 8, maxAliases: 5, maxDirectives: 4, maxTokens: 900, maxCost: 30000 });
  });

  it('refuses a query limit that is zero, negative or not a number: a limit cannot be configured away', () => {
    expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_QUERY_MAX_DEPTH: '0' })).toThrow(/HAVEN_QUERY_MAX_DEPTH/);
    expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_QUERY_MAX_COST: '-1' })).toThrow(/HAVEN_QUERY_MAX_COST/);
    expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_QUERY_MAX_TOKENS: 'off' })).toThrow(/HAVEN_QUERY_MAX_TOKENS/);
  });
});

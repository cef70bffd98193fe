import { loadGatewayConfig, queryLimitsFrom, rateLimitsFrom, subgraphUrlsFrom } from './config';
import { DEFAULT_RATE_LIMITS } from './rate-limits';
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

  it('takes the rate limits from the environment, with the documented defaults', () => {
    expect(rateLimitsFrom(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys' }))).toEqual(DEFAULT_RATE_LIMITS);
    const config = loadGatewayConfig({
      HAVEN_KEYS_DIR: '/keys',
      HAVEN_RATE_LIMIT_USER_PER_MINUTE: '100',
      HAVEN_RATE_LIMIT_TOKEN_PER_MINUTE: '200',
      HAVEN_RATE_LIMIT_ADDRESS_PER_MINUTE: '30',
      HAVEN_RATE_LIMIT_LOGIN_PER_MINUTE: '10',
    });
    expect(rateLimitsFrom(config)).toEqual({ userPerMinute: 100, tokenPerMinute: 200, addressPerMinute: 30, loginPerMinute: 10 });
  });

  it('refuses a rate limit that is zero, negative, fractional or not a number: rate limits cannot be switched off', () => {
    for (const [name, value] of [
      ['HAVEN_RATE_LIMIT_USER_PER_MINUTE', '0'],
      ['HAVEN_RATE_LIMIT_TOKEN_PER_MINUTE', '-5'],
      ['HAVEN_RATE_LIMIT_ADDRESS_PER_MINUTE', '1.5'],
      ['HAVEN_RATE_LIMIT_LOGIN_PER_MINUTE', 'off'],
    ] as const) {
      expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', [name]: value })).toThrow(name);
    }
  });

  it('trusts only loopback to forward client addresses unless told otherwise; a bad entry stops start-up', () => {
    expect(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys' }).HAVEN_TRUSTED_PROXIES).toEqual(['127.0.0.0/8', '::1']);
    expect(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_TRUSTED_PROXIES: '10.0.0.5, 172.18.0.0/16' }).HAVEN_TRUSTED_PROXIES).toEqual([
      '10.0.0.5',
      '172.18.0.0/16',
    ]);
    expect(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_TRUSTED_PROXIES: '' }).HAVEN_TRUSTED_PROXIES).toEqual([]);
    expect(() => loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', HAVEN_TRUSTED_PROXIES: '127.0.0.1,portal' })).toThrow(/HAVEN_TRUSTED_PROXIES.*portal/);
  });
});

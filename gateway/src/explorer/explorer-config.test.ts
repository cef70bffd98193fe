import { explorerEnabled, loadGatewayConfig } from '../config';

const explorerWith = (env: Record<string, string>) => explorerEnabled(loadGatewayConfig({ HAVEN_KEYS_DIR: '/keys', ...env }));

describe('API explorer configuration', () => {
  it('is on by default outside production', () => {
    expect(explorerWith({})).toBe(true);
    expect(explorerWith({ NODE_ENV: 'development' })).toBe(true);
  });

  it('is off by default in production', () => {
    expect(explorerWith({ NODE_ENV: 'production' })).toBe(false);
    expect(explorerWith({ NODE_ENV: 'production', HAVEN_INTROSPECTION: 'true' })).toBe(false);
  });

  it('is on in production only when switched on together with introspection', () => {
    expect(explorerWith({ NODE_ENV: 'production', HAVEN_API_EXPLORER: 'true', HAVEN_INTROSPECTION: 'true' })).toBe(true);
  });

  it('refuses to start when switched on with introspection off, naming the setting and the fix', () => {
    expect(() => explorerWith({ NODE_ENV: 'production', HAVEN_API_EXPLORER: 'true' })).toThrow(
      /HAVEN_API_EXPLORER: .*HAVEN_INTROSPECTION=true/,
    );
    expect(() => explorerWith({ HAVEN_API_EXPLORER: 'true', HAVEN_INTROSPECTION: 'false' })).toThrow(/HAVEN_API_EXPLORER/);
  });

  it('follows introspection off by default outside production instead of refusing to start', () => {
    expect(explorerWith({ HAVEN_INTROSPECTION: 'false' })).toBe(false);
  });

  it('can be switched off anywhere, and refuses a value that is not true or false', () => {
    expect(explorerWith({ HAVEN_API_EXPLORER: 'false' })).toBe(false);
    expect(() => explorerWith({ HAVEN_API_EXPLORER: 'yes' })).toThrow(/HAVEN_API_EXPLORER/);
  });
});

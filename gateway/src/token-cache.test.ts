import { TOKEN_CACHE_TTL_MS, TokenCache } from './token-cache';

describe('TokenCache', () => {
  let clock = 0;
  const now = () => clock;
  const farFuture = () => clock + 10 * 60_000;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('keeps a resolved identity for the TTL and not a millisecond longer', () => {
    const cache = new TokenCache({ now });
    cache.set('hvt_a', 'identity-a', farFuture());
    clock += TOKEN_CACHE_TTL_MS - 1;
    expect(cache.get('hvt_a')).toBe('identity-a');
    clock += 1;
    expect(cache.get('hvt_a')).toBeNull();
  });

  it('never keeps it past a minute, whatever TTL it is given', () => {
    const cache = new TokenCache({ now, ttlMs: 10 * 60_000 });
    cache.set('hvt_a', 'identity-a', farFuture());
    clock += 60_000;
    expect(cache.get('hvt_a')).toBeNull();
  });

  it('drops it before the identity token itself expires', () => {
    const cache = new TokenCache({ now });
    cache.set('hvt_a', 'identity-a', clock + 20_000);
    clock += 15_000;
    expect(cache.get('hvt_a')).toBeNull();
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new TokenCache({ now, maxEntries: 2 });
    cache.set('hvt_a', 'identity-a', farFuture());
    cache.set('hvt_b', 'identity-b', farFuture());
    expect(cache.get('hvt_a')).toBe('identity-a');
    cache.set('hvt_c', 'identity-c', farFuture());
    expect(cache.size).toBe(2);
    expect(cache.get('hvt_b')).toBeNull();
    expect(cache.get('hvt_a')).toBe('identity-a');
    expect(cache.get('hvt_c')).toBe('identity-c');
  });

  it('does not keep the raw token', () => {
    const cache = new TokenCache({ now });
    cache.set('hvt_secret-token', 'identity-a', farFuture());
    expect(JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()])).not.toContain('secret-token');
  });
});

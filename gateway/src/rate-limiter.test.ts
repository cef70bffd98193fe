import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  const spend = (limiter: RateLimiter, key: string, times: number) => {
    for (let i = 0; i < times; i++) expect(limiter.take(key)).toEqual({ allowed: true });
  };

  it("lets a quiet key spend a minute's worth at once, then refuses", () => {
    const limiter = new RateLimiter({ perMinute: 5, now });
    spend(limiter, 'a', 5);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('says whether a key could spend, without spending or keeping a bucket for it', () => {
    const limiter = new RateLimiter({ perMinute: 2, now });
    expect(limiter.wouldAllow('a')).toBe(true);
    expect(limiter.size).toBe(0);
    spend(limiter, 'a', 2);
    expect(limiter.wouldAllow('a')).toBe(false);
    clock += 30_000;
    expect(limiter.wouldAllow('a')).toBe(true);
    expect(limiter.wouldAllow('a')).toBe(true);
    spend(limiter, 'a', 1);
    expect(limiter.wouldAllow('a')).toBe(false);
  });

  it('refills continuously at the per-minute rate, never beyond a full bucket', () => {
    const limiter = new RateLimiter({ perMinute: 60, now });
    spend(limiter, 'a', 60);
    expect(limiter.take('a').allowed).toBe(false);
    clock += 999;
    expect(limiter.take('a').allowed).toBe(false);
    clock += 1;
    spend(limiter, 'a', 1);
    expect(limiter.take('a').allowed).toBe(false);
    // Ten quiet minutes still buy only one minute's burst.
    clock += 10 * 60_000;
    spend(limiter, 'a', 60);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('says in whole seconds, at least one, when the next request would pass — and it does pass then', () => {
    const limiter = new RateLimiter({ perMinute: 2, now }); // one token per 30 s
    spend(limiter, 'a', 2);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    clock += 29_500;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock += 500;
    expect(limiter.take('a')).toEqual({ allowed: true });

    const fast = new RateLimiter({ perMinute: 600, now }); // one token per 100 ms: still "1", never "0"
    spend(fast, 'b', 600);
    expect(fast.take('b')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('a refused request spends nothing, so waiting the advertised time is enough even while retrying', () => {
    const limiter = new RateLimiter({ perMinute: 2, now });
    spend(limiter, 'a', 2);
    for (let i = 0; i < 5; i++) {
      clock += 5_000;
      expect(limiter.take('a').allowed).toBe(false);
    }
    clock += 5_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({ perMinute: 1, now });
    spend(limiter, 'a', 1);
    expect(limiter.take('a').allowed).toBe(false);
    spend(limiter, 'b', 1);
  });

  it('charges a cost of several tokens at once, and never grants more than a full bucket', () => {
    const limiter = new RateLimiter({ perMinute: 10, now });
    expect(limiter.take('a', 4)).toEqual({ allowed: true });
    expect(limiter.take('a', 7)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take('a', 6)).toEqual({ allowed: true });
    expect(limiter.take('b', 11)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('forgets keys idle for a minute (their buckets are full again), so memory follows the active keys', () => {
    const limiter = new RateLimiter({ perMinute: 3, now });
    for (let i = 0; i < 100; i++) limiter.take(`idle-${i}`);
    expect(limiter.size).toBe(100);
    clock += 30_000;
    spend(limiter, 'recent', 3);
    clock += 30_000;
    limiter.take('new');
    // The hundred idle keys are gone; the one used 30 s ago is kept, and still owes its debt.
    expect(limiter.size).toBe(2);
    expect(limiter.take('recent')).toEqual({ allowed: true });
    expect(limiter.take('recent')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('never holds more than maxKeys buckets, dropping the least recently used first', () => {
    const limiter = new RateLimiter({ perMinute: 1, maxKeys: 3, now });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a'); // refused, but used: 'b' is now the least recently used
    limiter.take('d');
    expect(limiter.size).toBe(3);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true); // dropped, so a fresh bucket
    for (let i = 0; i < 1_000; i++) limiter.take(`flood-${i}`);
    expect(limiter.size).toBe(3);
  });

  it('refuses a limit that is not a whole number of at least one', () => {
    for (const perMinute of [0, -1, 1.5, Number.NaN]) expect(() => new RateLimiter({ perMinute, now })).toThrow(/whole number/);
  });
});

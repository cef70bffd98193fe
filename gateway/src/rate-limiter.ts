/** Live buckets one limiter keeps at most; ~150 bytes each, so a few MB however many clients or addresses appear. */
export const RATE_LIMITER_MAX_KEYS = 20_000;

const MINUTE_MS = 60_000;

export interface RateLimiterOptions {
  /** Requests a key may make per minute; also the burst a quiet key may spend at once. */
  perMinute: number;
  maxKeys?: number;
  /** Milliseconds since the epoch; tests inject a clock. */
  now?: () => number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Token buckets, one per key, all refilled at one rate: `perMinute` tokens a minute, continuously, holding at
 * most a minute's worth — a client that was quiet may spend its minute at once, then gets perMinute/60 a second.
 *
 * In memory, per gateway process: N gateway instances behind a load balancer allow up to N× the rate. That is
 * accepted — the limits are a brake on abuse, not a quota — and spares every request a round trip to a shared store.
 *
 * Bounded memory: a bucket untouched for a minute has refilled completely, which is the same as no bucket, so it
 * is dropped. Buckets are kept in order of last use, so those idle ones are always at the front and dropping them
 * costs O(1) amortised. Beyond `maxKeys` live buckets the least recently used one is dropped early: that key is
 * forgiven its debt, a cheaper failure than refusing new clients or growing without end.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly tokensPerMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    if (!Number.isInteger(options.perMinute) || options.perMinute < 1) throw new Error('a rate limit is a whole number ≥ 1');
    this.capacity = options.perMinute;
    this.tokensPerMs = options.perMinute / MINUTE_MS;
    this.maxKeys = options.maxKeys ?? RATE_LIMITER_MAX_KEYS;
    this.now = options.now ?? Date.now;
  }

  /** Spends `cost` tokens of `key`'s bucket, or spends nothing and says how many whole seconds until it could. */
  take(key: string, cost = 1): Admission {
    const now = this.now();
    this.dropIdle(now);
    const previous = this.buckets.get(key);
    const tokens = previous
      ? Math.min(this.capacity, previous.tokens + Math.max(0, now - previous.updatedAt) * this.tokensPerMs)
      : this.capacity;
    // Delete and re-insert: the Map's order is the order of last use.
    this.buckets.delete(key);
    const allowed = tokens >= cost;
    this.buckets.set(key, { tokens: allowed ? tokens - cost : tokens, updatedAt: now });
    this.dropOverflow();
    if (allowed) return { allowed: true };
    // More than a full bucket can never be granted; a minute is the honest "not now" for it.
    const missing = Math.min(cost, this.capacity) - tokens;
    const retryAfterSeconds = cost > this.capacity ? MINUTE_MS / 1000 : Math.max(1, Math.ceil(missing / this.tokensPerMs / 1000));
    return { allowed: false, retryAfterSeconds };
  }

  /** Whether `key` could spend `cost` tokens now, without spending any (nor creating a bucket). */
  wouldAllow(key: string, cost = 1): boolean {
    const bucket = this.buckets.get(key);
    if (!bucket) return cost <= this.capacity;
    return Math.min(this.capacity, bucket.tokens + Math.max(0, this.now() - bucket.updatedAt) * this.tokensPerMs) >= cost;
  }

  get size(): number {
    return this.buckets.size;
  }

  private dropIdle(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt < MINUTE_MS) return;
      this.buckets.delete(key);
    }
  }

  private dropOverflow() {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}

import { createHash } from 'node:crypto';

/**
 * How long the gateway reuses an API token's resolved identity. DESIGN.md: "cached for at most a minute,
 * so revocation bites within a minute" — a revoked or expired token keeps working for at most this long.
 */
export const TOKEN_CACHE_TTL_MS = 60_000;
/** Bounded so a flood of distinct (valid) tokens cannot grow the gateway's memory; oldest entries go first. */
export const TOKEN_CACHE_MAX_ENTRIES = 1_000;

export interface TokenCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds since the epoch; tests inject a clock. */
  now?: () => number;
}

interface Entry {
  identityToken: string;
  expiresAt: number;
}

/**
 * API token → identity token, least recently used evicted first. Keyed by the SHA-256 of the token, so
 * the raw token is never kept beyond the request (nor printed should the map ever be logged). Only
 * successful resolutions are cached: a refused token asks identity again (which its cost bounds).
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: TokenCacheOptions = {}) {
    this.ttlMs = Math.min(options.ttlMs ?? TOKEN_CACHE_TTL_MS, TOKEN_CACHE_TTL_MS);
    this.maxEntries = options.maxEntries ?? TOKEN_CACHE_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  get(token: string): string | null {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return null;
    this.entries.set(key, entry); // most recently used last
    return entry.identityToken;
  }

  /** Keeps the identity until the TTL or shortly before the identity token itself expires, whichever is first. */
  set(token: string, identityToken: string, identityExpiresAt: number): void {
    const key = keyOf(token);
    // Leave the identity a few seconds of life when it is forwarded, so no subgraph sees it expire mid-request.
    const expiresAt = Math.min(this.now() + this.ttlMs, identityExpiresAt - 5_000);
    if (expiresAt <= this.now()) return;
    this.entries.delete(key);
    this.entries.set(key, { identityToken, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

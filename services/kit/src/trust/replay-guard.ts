/**
 * Refuses an assertion id seen before while it is still valid. Per process: with several instances a
 * replay could land on another one, which the seconds-long validity and the request digest bound.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Returns false when the id was already used. */
  accept(jti: string, expiresAt: number, now = Date.now()): boolean {
    if (this.seen.size > 10_000) this.sweep(now);
    const previous = this.seen.get(jti);
    if (previous !== undefined && previous > now) return false;
    this.seen.set(jti, expiresAt);
    return true;
  }

  private sweep(now: number) {
    for (const [jti, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(jti);
  }
}

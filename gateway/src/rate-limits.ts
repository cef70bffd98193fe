import type { PartKeys } from '@haven/kit/src/trust/keys';
import { verifyIdentity } from '@haven/kit/src/trust/tokens';
import { addressBucketKey } from './client-address';
import { RateLimiter, type Admission } from './rate-limiter';

/**
 * Requests per minute, per gateway instance (rate-limiter.ts: N instances allow N× these). Each is also the
 * burst a quiet caller may spend at once.
 */
export interface RateLimits {
  /** A signed-in person, all their sessions together. A portal page costs 1–4 requests; 300 is a page every second. */
  userPerMinute: number;
  /** One API token (not its creator: the two are counted apart). Polling integrations: 10 a second on average. */
  tokenPerMinute: number;
  /**
   * Anonymous requests from one address (or IPv6 /64). Only sign-ins work anonymously; an office behind one NAT
   * signs in here. Also how many bearer tokens identity may fail to vouch for per address (admitTokenCheck).
   */
  addressPerMinute: number;
  /**
   * `login` attempts from one address, signed in or not, on top of the above: slows password spraying across
   * many emails, which identity's per-email lock cannot see. 60 leaves a busy office, and CI's browser suite
   * (~100 sign-ins in 3 minutes from 127.0.0.1), room to spare.
   */
  loginPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  userPerMinute: 300,
  tokenPerMinute: 600,
  addressPerMinute: 120,
  loginPerMinute: 60,
};

/** Which limit refused a request: logged (never the key itself: an address or a person's id), not sent. */
export type RateLimitName = 'user' | 'token' | 'address' | 'login' | 'token-check';

export type Refusal = { limit: RateLimitName; retryAfterSeconds: number };

/** The gateway's buckets, one limiter per kind of caller. */
export class GatewayRateLimits {
  private readonly limiters: Record<RateLimitName, RateLimiter>;

  constructor(
    limits: RateLimits,
    private readonly keys: PartKeys,
    options: { now?: () => number; maxKeys?: number } = {},
  ) {
    this.limiters = {
      user: new RateLimiter({ perMinute: limits.userPerMinute, ...options }),
      token: new RateLimiter({ perMinute: limits.tokenPerMinute, ...options }),
      address: new RateLimiter({ perMinute: limits.addressPerMinute, ...options }),
      login: new RateLimiter({ perMinute: limits.loginPerMinute, ...options }),
      'token-check': new RateLimiter({ perMinute: limits.addressPerMinute, ...options }),
    };
  }

  /**
   * Counts one request against its caller, decided once identity has vouched for it: a person by their id (all
   * their sessions share it), an API token by its own id (an integration's identity carries the token's id as
   * subject and session), anyone else by address. The identity token came from identity a moment ago; it is
   * verified anyway, so nothing unsigned ever chooses a bucket.
   */
  async admitRequest(identityToken: string | null, clientAddress: string): Promise<Refusal | null> {
    if (identityToken === null) return refusal('address', this.limiters.address.take(addressBucketKey(clientAddress)));
    const identity = await verifyIdentity(identityToken, this.keys.publicKeys.identity);
    if (identity.kind === 'integration') return refusal('token', this.limiters.token.take(identity.sessionId));
    return refusal('user', this.limiters.user.take(identity.subject));
  }

  /**
   * Before identity is asked about a bearer token: refused while this address has had a minute's worth of tokens
   * identity could not vouch for (guessed, expired, revoked). The buckets above are chosen only after identity
   * answers, so without this every made-up token would cost identity a lookup, uncounted. Spends nothing.
   */
  admitTokenCheck(clientAddress: string): Refusal | null {
    const key = addressBucketKey(clientAddress);
    if (this.limiters['token-check'].wouldAllow(key)) return null;
    return refusal('token-check', this.limiters['token-check'].take(key));
  }

  /** Counts one bearer token identity refused against the address it came from (see admitTokenCheck). */
  countFailedTokenCheck(clientAddress: string): void {
    this.limiters['token-check'].take(addressBucketKey(clientAddress));
  }

  /** Counts `attempts` sign-ins (one per `login` field in the operation) against the address they come from. */
  admitLogin(clientAddress: string, attempts: number): Refusal | null {
    return refusal('login', this.limiters.login.take(addressBucketKey(clientAddress), attempts));
  }
}

function refusal(limit: RateLimitName, admission: Admission): Refusal | null {
  return admission.allowed ? null : { limit, retryAfterSeconds: admission.retryAfterSeconds };
}

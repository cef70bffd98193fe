import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { decodeJwt } from 'jose';
import { HEADER_ASSERTION, HEADER_IDENTITY } from '../http/internal-client';
import { PARTS, type PartName } from '../taxonomy';
import type { PartKeys } from './keys';
import { ReplayGuard } from './replay-guard';
import { TrustError, verifyAssertion, verifyIdentity, type Identity } from './tokens';

/** Who a verified request comes from and for whom it speaks. */
export interface VerifiedRequest {
  caller: Identity | null;
  /** The caller's identity token, to forward on internal calls made for this request. */
  identityToken: string | null;
  requestId: string;
  /** The part that signed the assertion. */
  from: PartName;
}

export type RequestVerifier = (headers: IncomingHttpHeaders, digest: string, issuers: PartName[]) => Promise<VerifiedRequest>;

/**
 * Checks the `x-haven-assertion` (signed by one of `issuers`, for `audience`, covering exactly this
 * request digest and identity, never seen before) and the `x-haven-identity` it vouches for.
 * Throws TrustError on any doubt. One verifier per server: its replay guard is per process.
 */
export function createRequestVerifier(options: { audience: PartName; keys: PartKeys }): RequestVerifier {
  const replay = new ReplayGuard();
  return async (headers, digest, issuers) => {
    const assertion = header(headers, HEADER_ASSERTION);
    const identityToken = header(headers, HEADER_IDENTITY);
    if (!assertion) throw new TrustError('no assertion');
    const issuer = claimedIssuer(assertion);
    if (!issuer || !issuers.includes(issuer)) throw new TrustError('assertion from a part that may not call here');
    const verified = await verifyAssertion(assertion, {
      issuer,
      issuerKey: options.keys.publicKeys[issuer],
      audience: options.audience,
      requestDigest: digest,
      identityToken,
    });
    if (!replay.accept(verified.jti, verified.expiresAt)) throw new TrustError('assertion replayed');
    const caller = identityToken ? await verifyIdentity(identityToken, options.keys.publicKeys.identity) : null;
    const requestId = verified.requestId || randomUUID();
    return { caller, identityToken, requestId, from: issuer };
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Reads the unverified `iss` only to pick the key to verify with; verifyAssertion checks the signature. */
function claimedIssuer(token: string): PartName | null {
  try {
    const { iss } = decodeJwt(token);
    return PARTS.find((part) => part === iss) ?? null;
  } catch {
    return null;
  }
}

import { randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type PartName, type Role } from '../taxonomy';
import { sha256 } from './digest';

const ALG = 'EdDSA';
/** Identities are re-issued per request by identity; minutes are plenty and keep revocation sharp. */
export const IDENTITY_TTL_SECONDS = 120;
/** Assertions cover one hop; seconds are enough even on a slow machine. */
export const ASSERTION_TTL_SECONDS = 30;

/** Who is calling, as identity vouches for it. */
export interface Identity {
  subject: string;
  kind: 'user' | 'integration';
  sessionId: string;
  organisationId: string | null;
  roles: Role[];
  scopes: string[];
}

export class TrustError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TrustError';
  }
}

export async function signIdentity(identityKey: KeyObject, identity: Identity, ttlSeconds = IDENTITY_TTL_SECONDS) {
  return new SignJWT({
    knd: identity.kind,
    sid: identity.sessionId,
    org: identity.organisationId,
    roles: identity.roles,
    scopes: identity.scopes,
  })
    .setProtectedHeader({ alg: ALG, typ: 'haven-identity+jwt' })
    .setIssuer('identity')
    .setAudience('haven')
    .setSubject(identity.subject)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(identityKey);
}

export async function verifyIdentity(token: string, identityPublicKey: KeyObject): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, identityPublicKey, {
      algorithms: [ALG],
      issuer: 'identity',
      audience: 'haven',
      typ: 'haven-identity+jwt',
      requiredClaims: ['sub', 'exp', 'sid'],
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : [];
    return {
      subject: payload.sub as string,
      kind: payload.knd === 'integration' ? 'integration' : 'user',
      sessionId: String(payload.sid),
      organisationId: typeof payload.org === 'string' ? payload.org : null,
      roles,
      scopes,
    };
  } catch (error) {
    throw new TrustError(describe(error, 'identity'));
  }
}

export interface AssertionClaims {
  /** The part that signs (the gateway for client requests, a service for internal calls). */
  issuer: PartName;
  /** The one part that may accept it. */
  audience: PartName;
  /** Digest of the request it covers (graphqlRequestDigest or sha256 of an internal body). */
  requestDigest: string;
  /** The identity token travelling with it, or null for an anonymous caller. */
  identityToken: string | null;
  requestId: string;
}

export async function signAssertion(key: KeyObject, claims: AssertionClaims, ttlSeconds = ASSERTION_TTL_SECONDS) {
  return new SignJWT({ rqd: claims.requestDigest, idt: identityDigest(claims.identityToken), rid: claims.requestId })
    .setProtectedHeader({ alg: ALG, typ: 'haven-assertion+jwt' })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export interface VerifiedAssertion {
  issuer: PartName;
  requestId: string;
  jti: string;
  expiresAt: number;
}

/** Verifies signature, issuer, audience, expiry, and that it covers exactly this request and identity. */
export async function verifyAssertion(
  token: string,
  expected: {
    issuer: PartName;
    issuerKey: KeyObject;
    audience: PartName;
    requestDigest: string;
    identityToken: string | null;
  },
): Promise<VerifiedAssertion> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, expected.issuerKey, {
      algorithms: [ALG],
      issuer: expected.issuer,
      audience: expected.audience,
      typ: 'haven-assertion+jwt',
      maxTokenAge: `${ASSERTION_TTL_SECONDS}s`,
      requiredClaims: ['exp', 'iat', 'jti', 'rqd', 'idt'],
    }));
  } catch (error) {
    throw new TrustError(describe(error, 'assertion'));
  }
  if (payload.rqd !== expected.requestDigest) throw new TrustError('assertion does not cover this request');
  if (payload.idt !== identityDigest(expected.identityToken)) throw new TrustError('assertion does not cover this identity');
  return {
    issuer: expected.issuer,
    requestId: typeof payload.rid === 'string' ? payload.rid : '',
    jti: payload.jti as string,
    expiresAt: (payload.exp as number) * 1000,
  };
}

function identityDigest(token: string | null): string {
  return token ? sha256(token) : 'anonymous';
}

function describe(error: unknown, what: string): string {
  if (error instanceof joseErrors.JWTExpired) return `${what} expired`;
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `${what} claim '${error.claim}' invalid`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return `${what} signature invalid`;
  return `${what} invalid`;
}

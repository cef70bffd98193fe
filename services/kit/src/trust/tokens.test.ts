import { generateKeySet } from './keys';
import { graphqlRequestDigest } from './digest';
import { signAssertion, signIdentity, verifyAssertion, verifyIdentity, type Identity } from './tokens';
import { ReplayGuard } from './replay-guard';

const keys = generateKeySet();
const identity: Identity = {
  subject: '00000000-0000-4000-8000-000000000001',
  kind: 'user',
  sessionId: '00000000-0000-4000-8000-000000000002',
  organisationId: '00000000-0000-4000-8000-000000000003',
  roles: ['COORDINATOR'],
  scopes: [],
};
const digest = graphqlRequestDigest({ query: '{ me { id } }', variables: { a: 1 } });

async function assertionFor(overrides: Partial<Parameters<typeof signAssertion>[1]> = {}, ttl?: number) {
  const identityToken = await signIdentity(keys.identity.privateKey, identity);
  const token = await signAssertion(
    keys.gateway.privateKey,
    { issuer: 'gateway', audience: 'cases', requestDigest: digest, identityToken, requestId: 'r1', ...overrides },
    ttl,
  );
  return { token, identityToken };
}

const expected = (identityToken: string | null) => ({
  issuer: 'gateway' as const,
  issuerKey: keys.gateway.publicKey,
  audience: 'cases' as const,
  requestDigest: digest,
  identityToken,
});

describe('identity tokens', () => {
  it('round-trips the caller signed by identity', async () => {
    const token = await signIdentity(keys.identity.privateKey, identity);
    await expect(verifyIdentity(token, keys.identity.publicKey)).resolves.toEqual(identity);
  });

  it('refuses an identity signed by any other key', async () => {
    const forged = await signIdentity(keys.gateway.privateKey, identity);
    await expect(verifyIdentity(forged, keys.identity.publicKey)).rejects.toThrow('identity signature invalid');
  });

  it('refuses an expired identity', async () => {
    const token = await signIdentity(keys.identity.privateKey, identity, -5);
    await expect(verifyIdentity(token, keys.identity.publicKey)).rejects.toThrow('identity');
  });

  it('refuses a gateway assertion presented as an identity', async () => {
    const { token } = await assertionFor();
    await expect(verifyIdentity(token, keys.gateway.publicKey)).rejects.toThrow();
  });
});

describe('gateway assertions', () => {
  it('accepts an assertion for this subgraph, this request and this identity', async () => {
    const { token, identityToken } = await assertionFor();
    await expect(verifyAssertion(token, expected(identityToken))).resolves.toMatchObject({ issuer: 'gateway', requestId: 'r1' });
  });

  it('refuses an assertion minted for another subgraph', async () => {
    const { token, identityToken } = await assertionFor({ audience: 'partners' });
    await expect(verifyAssertion(token, expected(identityToken))).rejects.toThrow("claim 'aud'");
  });

  it('refuses an expired assertion', async () => {
    const { token, identityToken } = await assertionFor({}, -1);
    await expect(verifyAssertion(token, expected(identityToken))).rejects.toThrow('expired');
  });

  it('refuses an assertion signed by a part other than the expected issuer', async () => {
    const identityToken = await signIdentity(keys.identity.privateKey, identity);
    const token = await signAssertion(keys.partners.privateKey, {
      issuer: 'gateway',
      audience: 'cases',
      requestDigest: digest,
      identityToken,
      requestId: 'r1',
    });
    await expect(verifyAssertion(token, expected(identityToken))).rejects.toThrow('signature invalid');
  });

  it('refuses an assertion that covers a different request body', async () => {
    const { token, identityToken } = await assertionFor({ requestDigest: graphqlRequestDigest({ query: '{ cases { id } }' }) });
    await expect(verifyAssertion(token, expected(identityToken))).rejects.toThrow('does not cover this request');
  });

  it('refuses an assertion paired with a different identity token', async () => {
    const { token } = await assertionFor();
    const other = await signIdentity(keys.identity.privateKey, { ...identity, roles: ['NETWORK_ADMIN'] });
    await expect(verifyAssertion(token, expected(other))).rejects.toThrow('does not cover this identity');
  });

  it('refuses an anonymous assertion when an identity is attached afterwards', async () => {
    const { token } = await assertionFor({ identityToken: null });
    const stolen = await signIdentity(keys.identity.privateKey, identity);
    await expect(verifyAssertion(token, expected(stolen))).rejects.toThrow('does not cover this identity');
  });
});

describe('request digest', () => {
  it('does not depend on the order of variable keys', () => {
    expect(graphqlRequestDigest({ query: 'q', variables: { a: 1, b: { c: 2, d: 3 } } })).toBe(
      graphqlRequestDigest({ query: 'q', variables: { b: { d: 3, c: 2 }, a: 1 } }),
    );
  });

  it('changes when the operation name or extensions change', () => {
    const base = { query: 'query A { a } query B { b }', variables: {} };
    expect(graphqlRequestDigest({ ...base, operationName: 'A' })).not.toBe(graphqlRequestDigest({ ...base, operationName: 'B' }));
    expect(graphqlRequestDigest({ ...base, extensions: { x: 1 } })).not.toBe(graphqlRequestDigest(base));
  });

  it('changes when a variable value changes', () => {
    expect(graphqlRequestDigest({ query: 'q', variables: { id: '1' } })).not.toBe(
      graphqlRequestDigest({ query: 'q', variables: { id: '2' } }),
    );
  });
});

describe('replay guard', () => {
  it('accepts an assertion id once while it is valid', () => {
    const guard = new ReplayGuard();
    const expiresAt = Date.now() + 30_000;
    expect(guard.accept('jti-1', expiresAt)).toBe(true);
    expect(guard.accept('jti-1', expiresAt)).toBe(false);
    expect(guard.accept('jti-2', expiresAt)).toBe(true);
  });
});

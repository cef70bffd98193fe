/**
 * The shape of an integration's API token, shared by identity (which issues and checks it) and the gateway
 * (which sends it to identity's resolve-token instead of resolve-session): "hvt_<token id>_<secret>", the
 * id a uuid (lookup) and the secret 32 random bytes, base64url (43 characters).
 */
export const API_TOKEN_PREFIX = 'hvt_';

const API_TOKEN_PATTERN = /^hvt_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The token's id and secret, or null when it is not an API token at all. */
export function parseApiToken(token: string): { id: string; secret: string } | null {
  const match = API_TOKEN_PATTERN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

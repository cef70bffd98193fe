import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSessionToken, sessionCookieOptions, shouldUseSecureCookie } from './session-cookie';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });
const cookies = (value?: string) => ({ get: () => (value === undefined ? undefined : { value }) });

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax and site-wide', () => {
    assert.deepEqual(sessionCookieOptions(true), { httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
  });

  it('is Secure when the request came over https, also outside production', () => {
    assert.equal(shouldUseSecureCookie(headers({ 'x-forwarded-proto': 'https', host: 'haven.example' }), 'auto', false), true);
  });

  it('is Secure in production on a real host even over http', () => {
    assert.equal(shouldUseSecureCookie(headers({ 'x-forwarded-proto': 'http', host: 'haven.example' }), 'auto', true), true);
  });

  it('is not Secure for the local demo on a loopback address over http', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
      assert.equal(shouldUseSecureCookie(headers({ 'x-forwarded-proto': 'http', host }), 'auto', true), false, host);
    }
  });

  it('follows an explicit setting', () => {
    assert.equal(shouldUseSecureCookie(headers({ host: 'localhost' }), 'always', false), true);
    assert.equal(shouldUseSecureCookie(headers({ 'x-forwarded-proto': 'https' }), 'never', true), false);
  });

  it('forwards only values shaped like an opaque token', () => {
    assert.equal(readSessionToken(cookies('hvs_' + 'a'.repeat(43))), 'hvs_' + 'a'.repeat(43));
    assert.equal(readSessionToken(cookies('short')), undefined);
    assert.equal(readSessionToken(cookies('hvs_abc\r\nX-Injected: 1 and more padding')), undefined);
    assert.equal(readSessionToken(cookies()), undefined);
  });
});

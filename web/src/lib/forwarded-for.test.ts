import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forwardedClientAddress } from './forwarded-for';

describe('forwardedClientAddress', () => {
  it("takes the entry written by the hop in front of the portal, not what the browser put before it", () => {
    assert.equal(forwardedClientAddress('203.0.113.7'), '203.0.113.7');
    assert.equal(forwardedClientAddress('1.1.1.1, 203.0.113.7'), '203.0.113.7');
    assert.equal(forwardedClientAddress('10.0.0.1,2001:db8::7'), '2001:db8::7');
  });

  it('forwards nothing when there is no usable address', () => {
    assert.equal(forwardedClientAddress(null), null);
    assert.equal(forwardedClientAddress(''), null);
    assert.equal(forwardedClientAddress('203.0.113.7, unknown'), null);
    assert.equal(forwardedClientAddress('203.0.113.7, '), null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { homeArea, mayEnter, navigableAreas } from './areas';

describe('areas', () => {
  it('sends each role to its own start page', () => {
    assert.equal(homeArea(['COORDINATOR']), 'cases');
    assert.equal(homeArea(['PARTNER_STAFF']), 'inbox');
    assert.equal(homeArea(['PARTNER_ADMIN']), 'inbox');
    assert.equal(homeArea(['NETWORK_ADMIN']), 'admin');
    assert.equal(homeArea(['AUDITOR']), 'audit');
  });

  it('opens network statistics to coordinators and auditors only', () => {
    assert.deepEqual(navigableAreas(['AUDITOR']), ['audit', 'statistics']);
    for (const role of ['PARTNER_STAFF', 'PARTNER_ADMIN', 'NETWORK_ADMIN'] as const) assert.equal(mayEnter('statistics', [role]), false);
  });

  it('has no start page without a role', () => {
    assert.equal(homeArea([]), undefined);
  });

  it('does not open the admin or audit areas to a coordinator', () => {
    assert.equal(mayEnter('admin', ['COORDINATOR']), false);
    assert.equal(mayEnter('audit', ['COORDINATOR']), false);
    assert.deepEqual(navigableAreas(['COORDINATOR']), ['cases', 'directory', 'statistics']);
  });

  it('does not open the directory or cases to partner staff', () => {
    assert.equal(mayEnter('directory', ['PARTNER_STAFF']), false);
    assert.equal(mayEnter('cases', ['PARTNER_STAFF']), false);
    assert.deepEqual(navigableAreas(['PARTNER_STAFF']), ['inbox', 'organisation']);
  });
});

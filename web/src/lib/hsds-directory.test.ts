import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hsdsDirectorySchema, mergeHsdsDirectories, type HsdsDirectory, type HsdsEntry } from './hsds-directory';

function exportOf(id: string, name: string, serviceIds: string[]): HsdsDirectory {
  const locationId = `location-${id}`;
  return {
    organizations: [{ id, name }],
    services: serviceIds.map((serviceId) => ({ id: serviceId, organization_id: id, name: serviceId })),
    locations: [{ id: locationId, organization_id: id }],
    service_at_locations: serviceIds.map((serviceId) => ({ id: `at-${serviceId}`, service_id: serviceId, location_id: locationId })),
  };
}

const entry = (id: string, name: string, hsds: HsdsDirectory | null): HsdsEntry => ({ organisation: { id, name, hsds } });

describe('mergeHsdsDirectories', () => {
  it('concatenates the four lists of every organisation, organisations in Dutch name order', () => {
    const merged = mergeHsdsDirectories([
      entry('b', 'Zonnebloem', exportOf('b', 'Zonnebloem', ['b1'])),
      entry('a', 'Ängel', exportOf('a', 'Ängel', ['a1', 'a2'])),
      entry('c', 'Baken', exportOf('c', 'Baken', [])),
    ]);
    assert.deepEqual(
      merged.organizations.map((o) => o.name),
      ['Ängel', 'Baken', 'Zonnebloem'],
    );
    assert.deepEqual(
      merged.services.map((s) => s.id),
      ['a1', 'a2', 'b1'],
    );
    assert.deepEqual(
      merged.locations.map((l) => l.id),
      ['location-a', 'location-c', 'location-b'],
    );
    assert.deepEqual(
      merged.service_at_locations.map((l) => l.id),
      ['at-a1', 'at-a2', 'at-b1'],
    );
  });

  it('gives the same document whatever order the organisations arrive in', () => {
    const entries = [
      entry('2', 'Same name', exportOf('2', 'Same name', ['s2'])),
      entry('1', 'Same name', exportOf('1', 'Same name', ['s1'])),
      entry('3', 'Anker', exportOf('3', 'Anker', ['s3'])),
    ];
    const forwards = mergeHsdsDirectories(entries);
    assert.deepEqual(mergeHsdsDirectories([...entries].reverse()), forwards);
    assert.deepEqual(
      forwards.organizations.map((o) => o.id),
      ['3', '1', '2'],
    );
  });

  it('leaves out organisations without a directory profile and exports a repeated one once', () => {
    const kompas = exportOf('k', 'Kompas', ['k1']);
    const merged = mergeHsdsDirectories([entry('x', 'Centrum', null), entry('k', 'Kompas', kompas), entry('k', 'Kompas', kompas)]);
    assert.deepEqual(merged, kompas);
  });

  it('gives four empty lists for an empty directory', () => {
    assert.deepEqual(mergeHsdsDirectories([]), { organizations: [], services: [], locations: [], service_at_locations: [] });
  });

  it('does not change the lists it was given', () => {
    const own = exportOf('a', 'Anker', ['a1']);
    const before = structuredClone(own);
    mergeHsdsDirectories([entry('a', 'Anker', own), entry('b', 'Baken', exportOf('b', 'Baken', ['b1']))]);
    assert.deepEqual(own, before);
  });
});

describe('hsdsDirectorySchema', () => {
  it('accepts an organisation export and refuses one that lacks a list or holds a non-object', () => {
    assert.equal(hsdsDirectorySchema.safeParse(exportOf('a', 'Anker', ['a1'])).success, true);
    const { locations: _locations, ...withoutLocations } = exportOf('a', 'Anker', []);
    assert.equal(hsdsDirectorySchema.safeParse(withoutLocations).success, false);
    assert.equal(hsdsDirectorySchema.safeParse({ ...exportOf('a', 'Anker', []), services: ['a1'] }).success, false);
  });
});

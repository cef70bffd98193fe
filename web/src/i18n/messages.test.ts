import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogues } from './messages';

/** Every visible string exists in both languages, with the same placeholders, and none is empty. */

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const nl = leaves(catalogues.nl as unknown as Tree);
  const en = leaves(catalogues.en as unknown as Tree);

  it('have the same keys in Dutch and English', () => {
    assert.deepEqual([...en.keys()].filter((key) => !nl.has(key)), [], 'only in English');
    assert.deepEqual([...nl.keys()].filter((key) => !en.has(key)), [], 'only in Dutch');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of nl) assert.deepEqual(placeholders(en.get(key) ?? ''), placeholders(text), key);
  });

  it('have no empty message', () => {
    for (const [key, text] of [...nl, ...en]) assert.ok(text.trim().length > 0, key);
  });
});

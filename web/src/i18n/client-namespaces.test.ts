import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLIENT_NAMESPACES } from './client-namespaces';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('client namespaces', () => {
  it('include every namespace a client component translates with', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/useTranslations(?:<'(\w+)'>)?\(\s*'(\w+)'/g)) used.add(match[2]!);
    }
    assert.ok(used.size > 0, 'found no client translations at all');
    const missing = [...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace));
    assert.deepEqual(missing, [], 'add these to CLIENT_NAMESPACES');
  });
});

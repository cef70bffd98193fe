import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExplorer, explorerVersion } from './build-explorer';

// The bundle is built once per set of inputs and then read from the cache; a cache that cannot be
// written costs a rebuild at each start, never the explorer.

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'haven-explorer-test-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('explorer bundle', () => {
  it('builds the page script, its stylesheet and the Monaco workers into one folder per version, dropping older versions', async () => {
    mkdirSync(join(cacheDir, '0123456789abcdef'));
    const bundle = await buildExplorer({ cacheDir });
    expect(bundle.version).toBe(explorerVersion());
    expect([...bundle.files.keys()]).toEqual(
      expect.arrayContaining(['main.js', 'main.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']),
    );
    expect(readdirSync(cacheDir)).toEqual([bundle.version]);
    expect(readdirSync(join(cacheDir, bundle.version)).sort()).toEqual([...bundle.files.keys()].sort());
  }, 60_000);

  it('reads a version it has built from the cache instead of building it again', async () => {
    const version = explorerVersion();
    writeFileSync(join(cacheDir, version, 'main.js'), 'cached');
    const bundle = await buildExplorer({ cacheDir });
    expect(bundle.files.get('main.js')?.toString()).toBe('cached');
  });

  it('still serves a bundle, from memory, when the cache cannot be written, and says why', async () => {
    const notADirectory = join(cacheDir, 'a-file');
    writeFileSync(notADirectory, '');
    const problems: string[] = [];
    const bundle = await buildExplorer({ cacheDir: notADirectory, onCacheUnwritable: (error) => problems.push((error as NodeJS.ErrnoException).code ?? '') });
    expect(bundle.files.get('main.js')!.length).toBeGreaterThan(100_000);
    expect(problems).toEqual([expect.stringMatching(/^E[A-Z]+$/)]);
  }, 60_000);
});

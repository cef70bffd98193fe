import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** The explorer's files by name (main.js, main.css, the Monaco workers, fonts), as served. */
export interface ExplorerBundle {
  /** Changes whenever any input does; part of every asset URL, so browsers may cache assets forever. */
  version: string;
  files: ReadonlyMap<string, Buffer>;
}

export interface BuildExplorerOptions {
  /** Where finished bundles are kept between starts, one folder per version. */
  cacheDir?: string;
  /** Told when the cache cannot be written (the bundle is still served, from memory). */
  onCacheUnwritable?: (error: Error) => void;
}

const BROWSER_DIR = join(__dirname, 'browser');
const GATEWAY_DIR = resolve(__dirname, '..', '..');
/** Beside other tools' build caches; owned by whoever installed the dependencies, and never in git. */
export const DEFAULT_EXPLORER_CACHE_DIR = resolve(GATEWAY_DIR, '..', 'node_modules', '.cache', 'haven-explorer');

const VERSION_LENGTH = 16;
const VERSION_PATTERN = new RegExp(`^[0-9a-f]{${VERSION_LENGTH}}$`);

/** Packages whose version changes the bundle. */
const BUNDLED_PACKAGES = ['esbuild', 'graphiql', '@graphiql/react', 'monaco-editor', 'monaco-graphql', 'react', 'react-dom'];

/** Monaco runs its language services in web workers; each is its own classic-script file. */
const WORKER_ENTRIES = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

const COMMON = {
  absWorkingDir: GATEWAY_DIR,
  bundle: true,
  minify: true,
  // In memory: the cache is written by writeCache, all at once.
  write: false as const,
  outdir: '/explorer-bundle',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file' },
  assetNames: '[name]',
} satisfies BuildOptions;

/**
 * The explorer's browser bundle: GraphiQL, React and Monaco from node_modules, bundled by esbuild (about
 * 3 s) the first time a given set of inputs is seen, then read from the cache. No network is involved.
 */
export async function buildExplorer(options: BuildExplorerOptions = {}): Promise<ExplorerBundle> {
  const version = explorerVersion();
  const cacheDir = options.cacheDir ?? DEFAULT_EXPLORER_CACHE_DIR;
  const cached = readCached(join(cacheDir, version));
  if (cached) return { version, files: cached };

  const files = await bundle();
  try {
    writeCache(cacheDir, version, files);
  } catch (error) {
    options.onCacheUnwritable?.(error as Error);
  }
  return { version, files };
}

async function bundle(): Promise<Map<string, Buffer>> {
  // Loaded only when a bundle must be built: a gateway without the explorer never starts esbuild.
  const { build } = await import('esbuild');
  const [page, workers] = await Promise.all([
    build({ ...COMMON, entryPoints: { main: join(BROWSER_DIR, 'main.tsx') }, format: 'esm', jsx: 'automatic' }),
    build({ ...COMMON, entryPoints: WORKER_ENTRIES, format: 'iife' }),
  ]);
  const files = new Map<string, Buffer>();
  for (const file of [...page.outputFiles, ...workers.outputFiles]) files.set(basename(file.path), Buffer.from(file.contents));
  return files;
}

/** A digest of everything that goes into the bundle: our browser sources and the bundled packages' versions. */
export function explorerVersion(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(__filename));
  for (const name of readdirSync(BROWSER_DIR).sort()) hash.update(name).update(readFileSync(join(BROWSER_DIR, name)));
  for (const name of BUNDLED_PACKAGES) {
    const manifest = require.resolve(`${name}/package.json`, { paths: [GATEWAY_DIR] });
    hash.update(`${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`);
  }
  return hash.digest('hex').slice(0, VERSION_LENGTH);
}

function readCached(dir: string): Map<string, Buffer> | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  return new Map(names.map((name) => [name, readFileSync(join(dir, name))]));
}

/** Written beside, then renamed into place: a reader never sees half a bundle, and two starts may race. */
function writeCache(cacheDir: string, version: string, files: ReadonlyMap<string, Buffer>) {
  mkdirSync(cacheDir, { recursive: true });
  const partial = join(cacheDir, `${version}.partial-${randomBytes(6).toString('hex')}`);
  mkdirSync(partial);
  try {
    for (const [name, contents] of files) writeFileSync(join(partial, name), contents);
    renameSync(partial, join(cacheDir, version));
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another start finished the same version first: its bundle is identical.
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw error;
  }
  // Earlier versions are never served again (a running gateway holds its bundle in memory).
  for (const name of readdirSync(cacheDir)) {
    if (VERSION_PATTERN.test(name) && name !== version) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

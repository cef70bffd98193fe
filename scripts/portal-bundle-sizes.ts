/**
 * First-load JavaScript per portal page, from the last `next build` (Next 16 prints no sizes any more; it
 * writes them to web/.next/diagnostics/route-bundle-stats.json). Prints, per route, the uncompressed bytes
 * Next reports and the gzip size of the same chunks (what travels), plus how much of it every page shares.
 *
 *   npm run build && npm run portal:sizes          (or after `npm start`, which builds)
 *   npm run portal:sizes -- --markdown             (the table for docs/performance.md)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const web = join(__dirname, '..', 'web');
const statsFile = join(web, process.env.HAVEN_NEXT_DIST_DIR || '.next', 'diagnostics', 'route-bundle-stats.json');
if (!existsSync(statsFile)) {
  console.error(`No ${statsFile}: run \`npm run build\` first.`);
  process.exit(1);
}

const routes = (JSON.parse(readFileSync(statsFile, 'utf8')) as RouteStats[]).filter((r) => !r.route.startsWith('/_'));
const gzipped = new Map<string, number>();
function gzipBytes(chunk: string): number {
  let size = gzipped.get(chunk);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(web, chunk)), { level: 9 }).length;
    gzipped.set(chunk, size);
  }
  return size;
}

const shared = routes.length ? routes.map((r) => new Set(r.firstLoadChunkPaths)).reduce((a, b) => new Set([...a].filter((c) => b.has(c)))) : new Set<string>();
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows = routes
  .map((r) => ({
    route: r.route,
    uncompressed: r.firstLoadUncompressedJsBytes,
    gzip: r.firstLoadChunkPaths.reduce((sum, c) => sum + gzipBytes(c), 0),
    own: r.firstLoadChunkPaths.filter((c) => !shared.has(c)).reduce((sum, c) => sum + gzipBytes(c), 0),
  }))
  .sort((a, b) => a.route.localeCompare(b.route));
const sharedGzip = [...shared].reduce((sum, c) => sum + gzipBytes(c), 0);

if (process.argv.includes('--markdown')) {
  console.log('| page | first-load JS (gzip) | of which only this page | uncompressed |');
  console.log('|---|---:|---:|---:|');
  for (const row of rows) console.log(`| \`${row.route}\` | ${kB(row.gzip)} | ${kB(row.own)} | ${kB(row.uncompressed)} |`);
  console.log(`\nShared by every page: ${kB(sharedGzip)} gzip (React, Next.js runtime, the root layout).`);
} else {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`${'route'.padEnd(width)}  ${'gzip'.padStart(10)}  ${'own'.padStart(10)}  ${'raw'.padStart(10)}`);
  for (const row of rows) console.log(`${row.route.padEnd(width)}  ${kB(row.gzip).padStart(10)}  ${kB(row.own).padStart(10)}  ${kB(row.uncompressed).padStart(10)}`);
  console.log(`shared by every page: ${kB(sharedGzip)} gzip`);
}

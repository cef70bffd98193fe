// Generates each service's Prisma client (and Pothos types) when missing or older than its schema.
// Prisma 7's CLI would download a schema engine it never uses for `generate`; /bin/true stands in (TOOLCHAIN.md).
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SERVICES = ['identity', 'partners', 'cases', 'consent'];
const force = process.argv.includes('--force');

for (const service of SERVICES) {
  const schema = join(root, 'prisma', service, 'schema.prisma');
  const marker = join(root, 'services', service, 'src', 'generated', 'pothos-types.ts');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(schema).mtimeMs;
  if (fresh && !force) continue;
  process.stdout.write(`generating Prisma client for ${service}\n`);
  execFileSync(process.execPath, [join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'generate', '--schema', schema], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
}

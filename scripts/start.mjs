// `npm start` (and `npm run dev` = `--dev`): make a fresh clone runnable, then hand over to run-stack.ts.
// Node built-ins only: on a fresh clone node_modules does not exist yet.
//   1. `npm ci` when node_modules is missing or older than package-lock.json
//   2. Prisma clients when missing or older than their schema (scripts/prisma-generate.mjs)
//   3. the portal's production build when missing or older than its sources (skipped with --dev)
//   4. scripts/run-stack.ts (TypeScript through tsx's loader), with SIGINT/SIGTERM forwarded.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dev = process.argv.includes('--dev');
const say = (line) => process.stdout.write(`haven: ${line}\n`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    say(`\`${[command, ...args].join(' ')}\` failed (${result.signal ?? `exit ${result.status}`})`);
    process.exit(result.status ?? 1);
  }
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

/** Newest modification time of any file under `dir` (directories themselves ignored). */
function newestUnder(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// npm rewrites node_modules/.package-lock.json on every install: its age is the age of the install.
const installMarker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installMarker) || mtime(installMarker) < mtime(join(root, 'package-lock.json'))) {
  say('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

run(process.execPath, [join(root, 'scripts', 'prisma-generate.mjs')]);

if (!dev) {
  const web = join(root, 'web');
  const buildId = mtime(join(web, '.next', 'BUILD_ID'));
  const configs = existsSync(web) ? readdirSync(web).filter((f) => f.startsWith('next.config.')).map((f) => join(web, f)) : [];
  const sources = Math.max(
    newestUnder(join(web, 'src')),
    newestUnder(join(web, 'public')),
    mtime(join(web, 'package.json')),
    ...configs.map(mtime),
  );
  if (buildId === 0 || buildId < sources) {
    say('building the portal (next build)');
    // NODE_ENV=production: a build under a development NODE_ENV from the shell mixes React builds and fails.
    run('npm', ['run', 'build', '--workspace', 'web'], { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
  }
}

// `node --import tsx`, not the tsx CLI: the CLI is a second process that relays signals and SIGKILLs a child
// that does not acknowledge a repeated signal within 30 ms — which would cut the orderly shutdown short.
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'run-stack.ts'), ...(dev ? ['--dev'] : [])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'scripts', 'stack', 'tsconfig.runtime.json') },
});
// The terminal sends Ctrl-C to the whole process group already; forwarding covers `kill <pid>` of this
// process (the smoke test, a supervisor). run-stack ignores the duplicate.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));

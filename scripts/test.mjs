// `npm test`: the whole suite — Jest (services, gateway, integration, scripts), then the portal's own
// unit tests (node:test). Arguments pass through to Jest (`npm test -- services/identity`); with a path
// or pattern given, only Jest runs.
// With DATABASE_URL the suite's globalSetup (tests/setup/) creates its own database on that server;
// without it, it starts an embedded PostgreSQL of its own. Either way the demo data is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);

const generate = spawnSync(process.execPath, [join(root, 'scripts', 'prisma-generate.mjs')], { cwd: root, stdio: 'inherit' });
if (generate.status !== 0) process.exit(generate.status ?? 1);

function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 143));
    });
  });
}

const selective = args.some((arg) => !arg.startsWith('-'));
const jestCode = await run(join(root, 'node_modules', '.bin', 'jest'), args);
if (jestCode !== 0 || selective) process.exit(jestCode);
process.exit(await run('npm', ['test', '--workspace', 'web', '--silent']));

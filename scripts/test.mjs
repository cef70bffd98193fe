// `npm test`: the whole Jest suite. Arguments pass through (`npm test -- services/identity`).
// With DATABASE_URL the suite's globalSetup (tests/setup/) creates its own database on that server;
// without it, it starts an embedded PostgreSQL of its own. Either way the demo data is never touched.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const generate = spawnSync(process.execPath, [join(root, 'scripts', 'prisma-generate.mjs')], { cwd: root, stdio: 'inherit' });
if (generate.status !== 0) process.exit(generate.status ?? 1);

const jest = spawn(join(root, 'node_modules', '.bin', 'jest'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => jest.kill(signal));
jest.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));

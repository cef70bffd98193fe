import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './services';

const run = promisify(execFile);

export interface MigrationSqlOptions {
  /** The target schema.prisma. */
  schemaFile: string;
  /** An older schema.prisma to diff from; from an empty database when absent. */
  fromSchemaFile?: string;
  /** PostgreSQL schema named in the script's `CREATE SCHEMA IF NOT EXISTS` line (the service's own). */
  namespace: string;
  /** Any reachable PostgreSQL: Prisma 6's adapter connects even for a pure diff. */
  adapterUrl: string;
}

/**
 * The SQL Prisma would put in a new migration, from Prisma 6.19's CLI (alias `prisma6`): its WebAssembly
 * schema engine works offline, where Prisma 7's CLI wants to download a native one (TOOLCHAIN.md).
 * Config and schema copies live in a git-ignored temporary directory under node_modules/.cache, inside
 * the repository so that the config can import `@prisma/adapter-pg6`.
 */
export async function prismaMigrationSql(options: MigrationSqlOptions): Promise<string> {
  const cacheDir = join(REPO_ROOT, 'node_modules', '.cache', 'haven-prisma6');
  await mkdir(cacheDir, { recursive: true });
  const workDir = await mkdtemp(join(cacheDir, 'run-'));
  try {
    await writeFile(join(workDir, 'prisma.config.ts'), CONFIG);
    const target = join(workDir, 'to.prisma');
    await writeFile(target, withUrl(await readFile(options.schemaFile, 'utf8')));
    const from = ['--from-empty'];
    if (options.fromSchemaFile) {
      const source = join(workDir, 'from.prisma');
      await writeFile(source, withUrl(await readFile(options.fromSchemaFile, 'utf8')));
      from.splice(0, 1, '--from-schema-datamodel', source);
    }
    const cli = join(REPO_ROOT, 'node_modules', 'prisma6', 'build', 'index.js');
    const { stdout } = await run(process.execPath, [cli, 'migrate', 'diff', ...from, '--to-schema-datamodel', target, '--script'], {
      cwd: workDir,
      maxBuffer: 32 * 1024 * 1024,
      env: {
        ...process.env,
        HAVEN_PRISMA6_ADAPTER_URL: options.adapterUrl,
        // Prisma 6 insists on a datasource URL but, with an adapter, never uses it.
        DATABASE_URL: 'postgresql://unused@localhost/unused',
        PRISMA_QUERY_ENGINE_LIBRARY: cli,
        PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        CHECKPOINT_DISABLE: '1',
      },
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`Prisma 6 migrate diff failed: ${error.stderr?.trim() || error.message}`);
    });
    return inNamespace(stdout, options.namespace);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// No `schema` option on purpose: with one, the adapter creates that schema in the database it connects to.
// It uses "public" instead, and inNamespace() renames the script's one CREATE SCHEMA line.
// idleTimeoutMillis: the pool would otherwise keep the CLI alive for pg's default 10 s after it is done.
const CONFIG = `import { PrismaPg } from '@prisma/adapter-pg6';
export default {
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.HAVEN_PRISMA6_ADAPTER_URL, idleTimeoutMillis: 50, max: 1 }),
};
`;

/**
 * Prisma prefixes a from-empty script with `CREATE SCHEMA IF NOT EXISTS "<schema>"` (as `prisma migrate dev`
 * does with `?schema=`); everything else is unqualified and follows search_path.
 */
function inNamespace(sql: string, namespace: string): string {
  const renamed = sql.replace('CREATE SCHEMA IF NOT EXISTS "public";', `CREATE SCHEMA IF NOT EXISTS "${namespace.replace(/"/g, '""')}";`);
  if (/"public"/.test(renamed)) throw new Error('Prisma 6 printed SQL qualified with "public"; review prisma6-sql.ts');
  return renamed;
}

/** Prisma 6 requires `url` in the datasource; Prisma 7 schemas have none. */
function withUrl(schema: string): string {
  const block = /datasource\s+\w+\s*\{[^}]*\}/;
  const match = block.exec(schema);
  if (!match) throw new Error('schema.prisma has no datasource block');
  if (/\burl\s*=/.test(match[0])) return schema;
  return schema.replace(block, (text) => text.replace(/\}$/, '  url = env("DATABASE_URL")\n}'));
}

/**
 * Prints the SQL for a new migration of one service (or shared namespace such as audit), so it can be saved as
 * prisma/<service>/migrations/<yyyymmddhhmmss>_<what>/migration.sql:
 *
 *   npm run db:sql -- <service>                        from an empty database (the whole schema)
 *   git show HEAD:prisma/<service>/schema.prisma > /tmp/old.prisma
 *   npm run db:sql -- <service> --from /tmp/old.prisma  the change since that version
 *
 * Uses Prisma 6's offline schema engine (see services/kit/src/db/prisma6-sql.ts). Its adapter must reach some
 * PostgreSQL: HAVEN_PRISMA6_URL, else DATABASE_URL, else the machine's postgresql://root@127.0.0.1:5432/postgres.
 * Review the output: Prisma warns in comments about data loss, and renames come out as drop + add.
 */
import { prismaMigrationSql } from '../services/kit/src/db/prisma6-sql';
import { isNamespaceName, NAMESPACES, schemaFileFor } from '../services/kit/src/db/services';

async function main(argv: string[]): Promise<void> {
  const [service, ...rest] = argv;
  if (!service || !isNamespaceName(service)) {
    throw new Error(`Usage: npm run db:sql -- <service> [--from <old schema.prisma>]  (service: ${NAMESPACES.join(', ')})`);
  }
  const fromIndex = rest.indexOf('--from');
  const fromSchemaFile = fromIndex >= 0 ? rest[fromIndex + 1] : undefined;
  if (fromIndex >= 0 && !fromSchemaFile) throw new Error('--from needs a schema file');
  const sql = await prismaMigrationSql({
    schemaFile: schemaFileFor(service),
    fromSchemaFile,
    namespace: service,
    adapterUrl: process.env.HAVEN_PRISMA6_URL ?? process.env.DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres',
  });
  process.stdout.write(sql);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger } from '@haven/kit/src/log';
import { caller, postGraphql } from '@haven/kit/src/testing/test-subgraph';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { createPartnersDb } from '@haven/partners/src/db';
import { seedPartners } from '@haven/partners/src/domain/seed-partners';
import { createPartnersServer } from '@haven/partners/src/server';
import { createBenchDatabase } from './bench-database';
import { bulkInsert } from './bulk-insert';
import { warningsToStderr } from './log-sink';
import type { BenchDataset } from './datasets';
import { MATCH_INPUT, MATCH_QUERY } from './match-request';

export interface PartnersEndpoint {
  /** One matchServices request as the gateway sends it (signed, a coordinator's identity); resolves to the ranked count. */
  match(): Promise<number>;
  close(): Promise<void>;
}

/** How a dataset gets into the tables: the seeding code of `npm run db:seed`, or one bulk INSERT per table. */
export type LoadMethod = 'seed' | 'bulk';

/** One password for the haven_<service> roles per run: roles are cluster-wide, so every benchmark database must set the same. */
export const benchRolePassword = () => randomBytes(18).toString('base64url');

/**
 * The real partners subgraph on a database of its own holding `dataset` (migrated, loaded with `load`),
 * connected as the haven_partners role (with `rolePassword`) like the service in production.
 */
export async function startPartnersEndpoint(
  server: { serverUrl: string; rolePassword: string },
  dataset: BenchDataset,
  load: LoadMethod,
): Promise<PartnersEndpoint> {
  const database = await createBenchDatabase(server.serverUrl, server.rolePassword, ['partners']);
  const cleanups: (() => Promise<unknown>)[] = [database.drop];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    if (load === 'seed') {
      const admin = createPartnersDb(database.adminUrl, 2);
      try {
        await seedPartners(admin, dataset.rows);
      } finally {
        await admin.$disconnect();
      }
    } else {
      await loadInBulk(database.adminUrl, dataset);
    }
    const db = createPartnersDb(database.appUrl('partners'), 4);
    cleanups.push(() => db.$disconnect());
    const keys = generateKeySet();
    const server = await createPartnersServer({
      db,
      keys: partKeysFromSet(keys, 'partners'),
      log: createLogger({ service: 'partners-bench' }, warningsToStderr),
      introspection: false,
    }).listen(0);
    cleanups.push(() => server.close());
    // Matching reads the whole directory whatever the caller's organisation; only the role matters.
    const coordinator = caller(randomUUID(), ['COORDINATOR']);
    const target = { url: server.url, name: 'partners' as const };
    return {
      match: async () => {
        const response = await postGraphql(target, keys, { query: MATCH_QUERY, variables: { input: MATCH_INPUT } }, coordinator);
        const ranked = response.body.data?.matchServices?.ranked;
        if (response.status !== 200 || response.body.errors || !Array.isArray(ranked)) {
          throw new Error(`matchServices failed (${dataset.label}): HTTP ${response.status} ${JSON.stringify(response.body.errors ?? null)}`);
        }
        return ranked.length;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The rows as Prisma would write them: @updatedAt has no database default, Prisma fills it in. */
async function loadInBulk(adminUrl: string, dataset: BenchDataset): Promise<void> {
  const updatedAt = new Date();
  const { profiles, services, capacities } = dataset.rows;
  await bulkInsert(adminUrl, 'partners', [
    { table: 'OrganisationProfile', rows: profiles.map((row) => ({ ...row, updatedAt })) },
    { table: 'Service', rows: services.map((row) => ({ ...row, updatedAt })) },
    { table: 'Capacity', rows: capacities.map((row) => ({ ...row, updatedAt })) },
  ]);
}

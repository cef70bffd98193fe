import { readFileSync } from 'node:fs';
import { SERVICES } from '@haven/kit/src/db/services';
import { startStack, SUPERGRAPH_PATH, type Stack, type StartStackOptions } from '../../tests/support/stack';
import { createBenchDatabase, openBenchServer, type BenchDatabase, type BenchServer } from './bench-database';
import { BENCH_PASSWORD, seedBenchNetwork, type BenchNetwork } from './bench-network';
import { warningsToStderr } from './log-sink';
import { benchRolePassword } from './partners-endpoint';

/** Slots and pending referrals of the contention suite's one service. */
export const CONTENTION = { totalSlots: 20, referrals: 60 } as const;
/** Connections per service, as the services run by default (DB_POOL_MAX in services/kit/src/config.ts). */
const POOL_MAX = 10;

export interface BenchWorld {
  server: BenchServer;
  database: BenchDatabase;
  network: BenchNetwork;
  supergraphSdl: string;
  /** The whole stack as tests start it (tests/support/stack.ts): four subgraphs and the gateway, in this process. */
  stack: Stack;
  /** Another stack on the same database (own keys and ports), e.g. counting statements or without permission maps. */
  startStack(options: Omit<StartStackOptions, 'database' | 'seed' | 'logSink' | 'poolMax'>): Promise<Stack>;
  /** A session token for a benchmark account, logged in through `stack`'s gateway. */
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The benchmark's world: a PostgreSQL (DATABASE_URL's or embedded), a scratch database with every service
 * migrated, the benchmark network in it, and the stack on top. Everything is stopped and dropped by close().
 */
export async function openBenchWorld(): Promise<BenchWorld> {
  const server = await openBenchServer();
  const cleanups: (() => Promise<unknown>)[] = [() => server.stop()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => process.stderr.write(`clean-up failed: ${String(error)}\n`));
  };
  try {
    const database = await createBenchDatabase(server.serverUrl, benchRolePassword(), SERVICES);
    cleanups.push(() => database.drop());
    const start = async (options: Omit<StartStackOptions, 'database' | 'seed' | 'logSink' | 'poolMax'>) => {
      const started = await startStack({ ...options, database, seed: false, logSink: warningsToStderr, poolMax: POOL_MAX });
      cleanups.push(() => started.close());
      return started;
    };
    const stack = await start({});
    const network = await seedBenchNetwork(stack.dbs, CONTENTION);
    return {
      server,
      database,
      network,
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      stack,
      startStack: start,
      login: (email) => stack.login(email, BENCH_PASSWORD),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

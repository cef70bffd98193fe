// `npm run bench` (not a test): Haven's benchmarks, each measuring the things it compares side by side in one
// run and printing Markdown tables with ratios, because absolute times on shared machines are noisy.
// `npm run bench -- gateway sql` runs only the named suites; `--quick` shortens every timed round (a smoke
// run of the machinery, not numbers to publish). Database: DATABASE_URL's server (scratch databases, dropped
// at the end), else an embedded PostgreSQL. docs/performance.md explains the suites and the numbers.
import { cpus, loadavg } from 'node:os';
import { openBenchWorld, type BenchWorld } from './bench/bench-stack';
import { runContentionSuite } from './bench/suite-contention';
import { GATEWAY_LOAD, runGatewaySuite } from './bench/suite-gateway';
import { runMatchingSuite } from './bench/suite-matching';
import { PERMISSIONS_LOAD, runPermissionsSuite } from './bench/suite-permissions';
import { runSqlSuite } from './bench/suite-sql';

const SUITES = ['sql', 'gateway', 'permissions', 'contention', 'matching'] as const;
type Suite = (typeof SUITES)[number];
/** Round lengths of a --quick run: enough to see that every path answers, far too short to compare. */
const QUICK = { rounds: 1, roundMs: 400, warmupMs: 100 } as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const named = args.filter((a) => a !== '--quick');
  const unknown = named.filter((a) => !SUITES.includes(a as Suite));
  if (unknown.length > 0) throw new Error(`unknown suite(s) ${unknown.join(', ')}; choose from ${SUITES.join(', ')}`);
  const chosen = named.length === 0 ? [...SUITES] : SUITES.filter((s) => named.includes(s));

  const cpu = cpus();
  process.stdout.write(
    `Haven benchmarks ${new Date().toISOString().slice(0, 10)}: ${chosen.join(', ')}${quick ? ' (--quick: not comparable)' : ''}\n` +
      `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; load average at start ${load()}\n\n`,
  );
  const needsWorld = chosen.some((s) => s !== 'matching');
  let world: BenchWorld | undefined;
  let growing: string[] = [];
  try {
    if (needsWorld) {
      world = await openBenchWorld();
      process.stdout.write(`Database: ${world.server.description}\n\n`);
    }
    for (const suite of chosen) {
      const started = Date.now();
      if (suite === 'sql') growing = (await runSqlSuite(world!)).growing;
      if (suite === 'gateway') await runGatewaySuite(world!, quick ? { ...GATEWAY_LOAD, ...QUICK } : GATEWAY_LOAD);
      if (suite === 'permissions') await runPermissionsSuite(world!, quick ? { ...PERMISSIONS_LOAD, ...QUICK } : PERMISSIONS_LOAD);
      if (suite === 'contention') await runContentionSuite(world!);
      if (suite === 'matching') {
        // The matching suite brings its own databases (and server): close ours first, two servers would compete.
        await world?.close();
        world = undefined;
        await runMatchingSuite();
      }
      process.stderr.write(`(${suite}: ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await world?.close();
  }
  process.stdout.write(`\nLoad average at the end: ${load()}\n`);
  // Statement counts that grow with the list are an N+1: a failed benchmark, not a slow one.
  if (growing.length > 0) throw new Error(`SQL statements grow with the list size: ${growing.join(', ')}`);
}

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

// Suite 4 of `npm run bench` (scripts/bench.ts; alone: `npm run bench -- matching`). Matching latency: p50/p95 of the pure ranking and of the partners subgraph's
// matchServices query (HTTP, signed as the gateway signs, Prisma, real PostgreSQL), each over the seeded demo
// network and over 10,000 generated services, measured side by side in one run and printed as ratios, because
// absolute times on shared machines are noisy. Database: DATABASE_URL's server (scratch databases, dropped
// at the end), else an embedded PostgreSQL. docs/performance.md explains the numbers.
import { cpus } from 'node:os';
import { DEFAULT_CAPACITY_STALE_DAYS } from '@haven/partners/src/config';
import { matchServices, type MatchCandidate } from '@haven/partners/src/domain/match-services';
import { openBenchServer } from './bench-database';
import { candidatesFor, generatedDataset, seededDataset } from './datasets';
import { MATCH_REQUEST } from './match-request';
import { benchRolePassword, startPartnersEndpoint, type PartnersEndpoint } from './partners-endpoint';
import { printTable, type BenchTable } from './print-table';
import { timeInterleaved, type Percentiles } from './timing';

// Sized to finish within about two minutes on a 2-core machine (the resolver at 10k dominates).
const RANKING = { runs: 200, warmup: 30 };
const RESOLVER = { runs: 60, warmup: 10 };
const GENERATED_SERVICES = 10_000;

export async function runMatchingSuite(): Promise<void> {
  const seeded = seededDataset();
  const generated = generatedDataset(GENERATED_SERVICES);
  const datasets = [seeded, generated];
  // What the resolver hands the ranking: the asked types' services, judged with the service's default
  // staleness. No response history exists in the benchmark databases, so none is passed here either.
  const candidates = datasets.map((d) => candidatesFor(d, MATCH_REQUEST));
  const rank = (list: MatchCandidate[]) => matchServices(list, MATCH_REQUEST, { capacityStaleDays: DEFAULT_CAPACITY_STALE_DAYS });

  const ranking = await timeInterleaved(
    datasets.map((d, i) => ({ label: d.label, run: () => rank(candidates[i]!) })),
    RANKING.runs,
    RANKING.warmup,
  );

  const server = await openBenchServer();
  const endpoints: PartnersEndpoint[] = [];
  let resolver: Map<string, Percentiles>;
  try {
    const target = { serverUrl: server.serverUrl, rolePassword: benchRolePassword() };
    endpoints.push(await startPartnersEndpoint(target, seeded, 'seed'));
    endpoints.push(await startPartnersEndpoint(target, generated, 'bulk'));
    // Both paths must rank the same directory, or the resolver/ranking ratio compares different work.
    for (const [i, dataset] of datasets.entries()) {
      const expected = rank(candidates[i]!).ranked.length;
      const actual = await endpoints[i]!.match();
      if (actual !== expected) {
        process.stderr.write(`warning: ${dataset.label}: the resolver ranked ${actual} services, the pure ranking ${expected}\n`);
      }
    }
    resolver = await timeInterleaved(
      datasets.map((d, i) => ({ label: d.label, run: () => endpoints[i]!.match() })),
      RESOLVER.runs,
      RESOLVER.warmup,
    );
  } finally {
    for (const endpoint of endpoints) await endpoint.close();
    await server.stop();
  }

  const cpu = cpus();
  printTable({
    title: `Matching latency, ms (lower is better); ranking-only ${RANKING.runs} runs, resolver ${RESOLVER.runs} runs, datasets interleaved`,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${server.description}`,
    counts: [datasets.map((d) => d.candidates.length), candidates.map((c) => c.length)] as BenchTable['counts'],
    labels: [seeded.label, generated.label],
    ranking: [ranking.get(seeded.label)!, ranking.get(generated.label)!],
    resolver: [resolver.get(seeded.label)!, resolver.get(generated.label)!],
  });
}

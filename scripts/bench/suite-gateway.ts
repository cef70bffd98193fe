import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import { benchOperations, type BenchOperation } from './bench-operations';
import type { BenchWorld } from './bench-stack';
import { startHiveGateway, type RunningHiveGateway } from './hive-gateway';
import { measureInterleaved, startLoadWorker, type LoadPlan, type LoadStats } from './load-runner';
import { partKeysToPem, type LoadTarget, type ReplayStep } from './load-target';
import { markdownTable, ms, perSecond, ratio } from './markdown-table';
import { describeReplay } from './query-plan';
import { recordReplayPlans } from './record-fetches';

export const GATEWAY_LOAD: LoadPlan = { concurrencies: [1, 10, 50], rounds: 3, roundMs: 1500, warmupMs: 500 };
/** The inbox size the issue names. */
const LIST_SIZE = 50;

const VARIANTS = ['direct', 'apollo', 'hive', 'hive-rust'] as const;
type Variant = (typeof VARIANTS)[number];
const VARIANT_NAMES: Record<Variant, string> = {
  direct: 'direct (plan replayed)',
  apollo: 'Apollo Gateway (ours)',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway + Rust planner',
};

/**
 * Suites 1 and 3: the inbox and the dashboard through our gateway, through Hive Gateway with its JavaScript
 * planner and with the Rust planner, and as the same subgraph calls made directly — on the same subgraphs,
 * data and sessions, interleaved round by round at 1, 10 and 50 concurrent clients. Prints one table per
 * operation; returns the Markdown.
 */
export async function runGatewaySuite(world: BenchWorld, load: LoadPlan = GATEWAY_LOAD): Promise<string> {
  const operations = benchOperations(world.network.accounts[LIST_SIZE], LIST_SIZE);
  const sessions = new Map<string, string>();
  for (const op of operations) sessions.set(op.label, await world.login(op.account));
  for (const op of operations) await checkAnswer(world, op, sessions.get(op.label)!);

  const gatewayKeys = partKeysFromSet(world.stack.keys, 'gateway');
  const plans = await recordReplayPlans(
    world.stack,
    world.supergraphSdl,
    operations.map((op) => ({ label: op.label, sessionToken: sessions.get(op.label)!, body: op.body })),
  );
  const hives: Partial<Record<'hive' | 'hive-rust', RunningHiveGateway>> = {};
  const output: string[] = [];
  try {
    hives.hive = await startHiveGateway({ ...hiveOptions(world), keys: gatewayKeys, planner: 'javascript' });
    hives['hive-rust'] = await startHiveGateway({ ...hiveOptions(world), keys: gatewayKeys, planner: 'rust' });
    const urls: Record<Exclude<Variant, 'direct'>, string> = { apollo: world.stack.gatewayUrl, hive: hives.hive.url, 'hive-rust': hives['hive-rust'].url };
    for (const op of operations) {
      for (const [variant, url] of Object.entries(urls)) await checkAnswerAt(url, op, sessions.get(op.label)!, variant);
    }

    const targets: Record<string, LoadTarget> = {};
    const keysPem = partKeysToPem(gatewayKeys);
    for (const op of operations) {
      const sessionToken = sessions.get(op.label)!;
      for (const [variant, url] of Object.entries(urls)) targets[`${op.label}:${variant}`] = { kind: 'gateway', url, sessionToken, body: op.body };
      targets[`${op.label}:direct`] = {
        kind: 'direct',
        gatewayKeys: keysPem,
        identityBaseUrl: new URL('/', world.stack.subgraphUrls.identity).toString(),
        subgraphUrls: world.stack.subgraphUrls,
        sessionToken,
        plan: plans.get(op.label)!,
      };
    }
    const worker = startLoadWorker(targets);
    try {
      for (const op of operations) {
        const labels = VARIANTS.map((variant) => `${op.label}:${variant}`);
        const results = await measureInterleaved(worker, { labels, ...load });
        const table = gatewayTable(op, plans.get(op.label)!, results, load);
        process.stdout.write(`${table}\n\n`);
        output.push(table);
      }
    } finally {
      await worker.close();
    }
  } finally {
    for (const hive of Object.values(hives)) await hive.close();
  }
  return output.join('\n\n');
}

function hiveOptions(world: BenchWorld) {
  return { supergraphSdl: world.supergraphSdl, subgraphUrls: world.stack.subgraphUrls };
}

async function checkAnswer(world: BenchWorld, op: BenchOperation, sessionToken: string): Promise<void> {
  const { status, body } = await world.stack.graphql(op.body.query, op.body.variables, sessionToken);
  if (status !== 200 || body.errors) throw new Error(`${op.label}: our gateway answered ${status} with errors ${JSON.stringify(body.errors?.map((e) => e.extensions?.code))}`);
  op.check(body.data);
}

/** Each gateway must give the same complete answer before it is timed. */
async function checkAnswerAt(url: string, op: BenchOperation, sessionToken: string, variant: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
    body: JSON.stringify(op.body),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (response.status !== 200 || body.errors) {
    throw new Error(`${op.label} via ${variant}: HTTP ${response.status} ${JSON.stringify(body.errors?.map((e) => e.message) ?? null)}`);
  }
  op.check(body.data);
}

function gatewayTable(op: BenchOperation, plan: ReplayStep, results: Map<number, Map<string, LoadStats>>, load: LoadPlan): string {
  const rows: string[][] = [];
  const failures: string[] = [];
  for (const [concurrency, byLabel] of results) {
    const stats = (variant: Variant) => byLabel.get(`${op.label}:${variant}`)!;
    const direct = stats('direct');
    const apollo = stats('apollo');
    for (const variant of VARIANTS) {
      const s = stats(variant);
      rows.push([
        String(concurrency),
        VARIANT_NAMES[variant],
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        perSecond(s.requestsPerSecond),
        variant === 'direct' ? '1.00×' : ratio(s.p50, direct.p50),
        variant === 'direct' ? '1.00×' : ratio(direct.requestsPerSecond, s.requestsPerSecond),
        ratio(s.requestsPerSecond, apollo.requestsPerSecond),
        String(s.failures),
      ]);
      if (s.failures > 0) failures.push(`${concurrency} clients, ${VARIANT_NAMES[variant]}: ${s.failures} failed (first: ${s.firstFailure})`);
    }
  }
  return [
    `### ${op.label === 'inbox' ? 'Partner inbox' : 'Coordinator dashboard'} (${op.body.operationName}, ${LIST_SIZE} referrals)`,
    '',
    `Plan: ${describeReplay(plan)}. ${load.rounds} rounds × ${load.roundMs / 1000} s per variant and concurrency, interleaved.`,
    '',
    markdownTable(
      ['clients', 'path', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'p50 ÷ direct', 'direct req/s ÷ this', 'req/s ÷ Apollo', 'failed'],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    ...(failures.length > 0 ? ['', 'Failed requests (not in the times or req/s):', ...failures.map((f) => `- ${f}`)] : []),
  ].join('\n');
}

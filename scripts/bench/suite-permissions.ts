import { buildCasesSubgraph } from '@haven/cases/src/schema';
import { buildConsentSubgraph } from '@haven/consent/src/schema';
import { buildIdentitySubgraph } from '@haven/identity/src/schema';
import { buildPartnersSubgraph } from '@haven/partners/src/schema';
import { partKeysFromSet } from '@haven/kit/src/trust/keys';
import type { Stack } from '../../tests/support/stack';
import { benchOperations } from './bench-operations';
import type { BenchWorld } from './bench-stack';
import { measureInterleaved, startLoadWorker, type LoadPlan } from './load-runner';
import { partKeysToPem, type LoadTarget } from './load-target';
import { markdownTable, ms, perSecond, ratio } from './markdown-table';
import { recordReplayPlans } from './record-fetches';

export const PERMISSIONS_LOAD: LoadPlan = { concurrencies: [10], rounds: 3, roundMs: 1500, warmupMs: 500 };
const LIST_SIZE = 50;
/** The target: the permission maps cost at most 20% of the throughput. */
const MAX_LOSS = 0.2;

/**
 * Suite "permission maps": the same subgraphs, data and sessions, once with each service's graphql-shield map
 * (the stack as it runs) and once built from the same schema factories without it (a second stack, for the
 * benchmark only). Timed directly at the subgraphs (the plan replayed, which isolates them) and through each
 * stack's gateway, at 10 concurrent clients, interleaved.
 */
export async function runPermissionsSuite(world: BenchWorld, load: LoadPlan = PERMISSIONS_LOAD): Promise<string> {
  const bare = await world.startStack({
    schemas: { identity: buildIdentitySubgraph(), partners: buildPartnersSubgraph(), cases: buildCasesSubgraph(), consent: buildConsentSubgraph() },
  });
  const stacks: Record<'shielded' | 'bare', Stack> = { shielded: world.stack, bare };
  const operations = benchOperations(world.network.accounts[LIST_SIZE], LIST_SIZE);
  const targets: Record<string, LoadTarget> = {};
  for (const op of operations) {
    const sessionToken = await world.login(op.account);
    for (const [name, stack] of Object.entries(stacks)) {
      const [plan] = (await recordReplayPlans(stack, world.supergraphSdl, [{ label: op.label, sessionToken, body: op.body }])).values();
      targets[`${op.label}:${name}:direct`] = {
        kind: 'direct',
        gatewayKeys: partKeysToPem(partKeysFromSet(stack.keys, 'gateway')),
        identityBaseUrl: new URL('/', stack.subgraphUrls.identity).toString(),
        subgraphUrls: stack.subgraphUrls,
        sessionToken,
        plan: plan!,
      };
      targets[`${op.label}:${name}:gateway`] = { kind: 'gateway', url: stack.gatewayUrl, sessionToken, body: op.body };
    }
  }
  const worker = startLoadWorker(targets);
  const rows: string[][] = [];
  const misses: string[] = [];
  try {
    for (const op of operations) {
      for (const path of ['direct', 'gateway'] as const) {
        const labels = [`${op.label}:shielded:${path}`, `${op.label}:bare:${path}`];
        const results = (await measureInterleaved(worker, { labels, ...load })).get(load.concurrencies[0]!)!;
        const shielded = results.get(labels[0]!)!;
        const without = results.get(labels[1]!)!;
        const loss = 1 - shielded.requestsPerSecond / without.requestsPerSecond;
        if (path === 'direct' && loss > MAX_LOSS) misses.push(op.label);
        rows.push([
          op.label,
          path === 'direct' ? 'subgraphs directly' : 'through our gateway',
          `${perSecond(shielded.requestsPerSecond)} / ${perSecond(without.requestsPerSecond)}`,
          `${ms(shielded.p50)} / ${ms(without.p50)}`,
          ratio(shielded.requestsPerSecond, without.requestsPerSecond),
          `${(loss * 100).toFixed(0)}%`,
          `${shielded.failures} / ${without.failures}`,
        ]);
      }
    }
  } finally {
    await worker.close();
  }
  const markdown = [
    `### Permission maps (graphql-shield) on vs off, ${load.concurrencies[0]} clients, ${LIST_SIZE} referrals`,
    '',
    markdownTable(
      ['operation', 'path', 'req/s with / without', 'p50 ms with / without', 'throughput with ÷ without', 'throughput lost', 'failed with / without'],
      rows,
      ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    misses.length === 0 ? `Target (≤ ${MAX_LOSS * 100}% lost, subgraphs directly): met.` : `Target (≤ ${MAX_LOSS * 100}% lost, subgraphs directly): MISSED for ${misses.join(', ')}.`,
  ].join('\n');
  process.stdout.write(`${markdown}\n\n`);
  return markdown;
}

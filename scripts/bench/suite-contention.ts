import { performance } from 'node:perf_hooks';
import type { BenchWorld } from './bench-stack';
import { markdownTable, ms, perSecond } from './markdown-table';
import { portalOperation } from './portal-operation';
import { percentiles } from './timing';

/** Clients accepting at once; the referrals are shared out between them as each finishes its last. */
export const CONTENTION_CLIENTS = 20;

/**
 * Suite 5: capacity holds under contention. Every pending referral to one service (more referrals than
 * slots) is accepted at once by CONTENTION_CLIENTS clients through the gateway, as the portal's accept
 * button does (acceptReferral: cases locks the referral and asks partners to hold a slot). Exactly as many
 * may succeed as there were slots, the rest must be refused CAPACITY_FULL, and afterwards the service's held
 * count, its live holds and the accepted referrals must all agree. Anything else throws: oversubscription is
 * a bug, not a slow result.
 */
export async function runContentionSuite(world: BenchWorld): Promise<string> {
  const { contention } = world.network;
  const accept = portalOperation('inbox.ts', 'PortalAcceptReferral');
  const token = await world.login(contention.partnerStaff);
  const queue = [...contention.referralIds];
  const outcomes = { accepted: 0, full: 0 };
  const latencies: number[] = [];
  const unexpected: string[] = [];
  const started = performance.now();
  const client = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const t0 = performance.now();
      const { status, body } = await world.stack.graphql(accept.query, { id }, token, {});
      latencies.push(performance.now() - t0);
      const codes = (body.errors ?? []).map((e) => e.extensions?.code);
      if (status === 200 && !body.errors && body.data?.acceptReferral?.state === 'ACCEPTED') outcomes.accepted += 1;
      else if (codes.length === 1 && codes[0] === 'CAPACITY_FULL') outcomes.full += 1;
      else unexpected.push(`HTTP ${status} ${codes.join(',')}`);
    }
  };
  await Promise.all(Array.from({ length: CONTENTION_CLIENTS }, client));
  const elapsedMs = performance.now() - started;

  const [capacity, liveHolds, acceptedReferrals] = await Promise.all([
    world.stack.dbs.partners.capacity.findUniqueOrThrow({ where: { serviceId: contention.serviceId } }),
    world.stack.dbs.partners.capacityHold.count({ where: { serviceId: contention.serviceId, releasedAt: null } }),
    world.stack.dbs.cases.referral.count({ where: { serviceId: contention.serviceId, state: 'ACCEPTED' } }),
  ]);
  const problems = [
    ...unexpected.slice(0, 3).map((u) => `unexpected answer: ${u}`),
    ...(capacity.heldSlots > capacity.totalSlots ? [`OVERSUBSCRIBED: ${capacity.heldSlots} held of ${capacity.totalSlots}`] : []),
    ...(outcomes.accepted !== contention.totalSlots ? [`${outcomes.accepted} accepted, expected exactly ${contention.totalSlots}`] : []),
    ...(liveHolds !== capacity.heldSlots ? [`${liveHolds} live holds but heldSlots ${capacity.heldSlots}`] : []),
    ...(acceptedReferrals !== outcomes.accepted ? [`${acceptedReferrals} referrals ACCEPTED, ${outcomes.accepted} acceptances answered`] : []),
  ];
  if (problems.length > 0) throw new Error(`capacity under contention: ${problems.join('; ')}`);

  const p = percentiles(latencies);
  const markdown = [
    `### Capacity under contention (${CONTENTION_CLIENTS} clients accepting ${contention.referralIds.length} referrals for ${contention.totalSlots} slots)`,
    '',
    markdownTable(
      ['accepted', 'refused CAPACITY_FULL', 'held / total slots', 'live holds', 'answers/s (accepted + refused)', 'p50 ms', 'p95 ms', 'p99 ms'],
      [[String(outcomes.accepted), String(outcomes.full), `${capacity.heldSlots} / ${capacity.totalSlots}`, String(liveHolds), perSecond((latencies.length * 1000) / elapsedMs), ms(p.p50), ms(p.p95), ms(p.p99)]],
      ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    'Oversubscription: none (held ≤ total, and held = live holds = accepted referrals).',
  ].join('\n');
  process.stdout.write(`${markdown}\n\n`);
  return markdown;
}

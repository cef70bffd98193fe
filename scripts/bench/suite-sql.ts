import { SUBGRAPHS, type SubgraphName } from '@haven/kit/src/taxonomy';
import { benchOperations } from './bench-operations';
import { LIST_SIZES } from './bench-network';
import type { BenchWorld } from './bench-stack';
import { markdownTable } from './markdown-table';

/** How long to wait after an answer for statements still on their way (a session's last-seen touch, say). */
const SETTLE_MS = 100;

export interface SqlSuiteResult {
  markdown: string;
  /** Operations whose statement count changed with the list size. */
  growing: string[];
}

/**
 * Suite 2: SQL statements per request, per service, for the inbox and the dashboard when their lists hold 5,
 * 50 and 100 (the maximum page size) items, counted with the services' onQuery hook on a stack of their own
 * (counting costs a little, so the timed stacks do not count). Each request is asked once unmeasured first.
 */
export async function runSqlSuite(world: BenchWorld): Promise<SqlSuiteResult> {
  const statements: Record<SubgraphName, number> = { identity: 0, partners: 0, cases: 0, consent: 0 };
  const stack = await world.startStack({ onQuery: (service) => (statements[service] += 1) });
  const rows: string[][] = [];
  const totals = new Map<string, Set<number>>();
  for (const size of LIST_SIZES) {
    for (const op of benchOperations(world.network.accounts[size], size)) {
      const token = await world.login(op.account);
      const ask = async () => {
        const { status, body } = await stack.graphql(op.body.query, op.body.variables, token);
        if (status !== 200 || body.errors) throw new Error(`${op.label} (${size}): HTTP ${status} with errors`);
        op.check(body.data);
      };
      await ask();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (const service of SUBGRAPHS) statements[service] = 0;
      await ask();
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const total = SUBGRAPHS.reduce((sum, service) => sum + statements[service], 0);
      if (!totals.has(op.label)) totals.set(op.label, new Set());
      totals.get(op.label)!.add(total);
      rows.push([op.label, String(size), ...SUBGRAPHS.map((service) => String(statements[service])), String(total)]);
    }
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || Number(a[1]) - Number(b[1]));
  const growing = [...totals].filter(([, set]) => set.size > 1).map(([label]) => label);
  const markdown = [
    '### SQL statements per request',
    '',
    markdownTable(['operation', 'list size', ...SUBGRAPHS, 'total'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']),
    '',
    growing.length === 0 ? 'Constant in list size: yes.' : `Constant in list size: NO — ${growing.join(', ')} grow(s) with the list.`,
  ].join('\n');
  process.stdout.write(`${markdown}\n\n`);
  return { markdown, growing };
}

import type { Percentiles } from './timing';

export interface BenchTable {
  title: string;
  machine: string;
  /** [services in the directory, candidates of the asked types], each [smaller, larger]. */
  counts: [[number, number], [number, number]];
  labels: [string, string];
  ranking: [Percentiles, Percentiles];
  resolver: [Percentiles, Percentiles];
}

/** One table, p50 and p95 rows: the four timings, then how they grow with size and what the resolver adds. */
export function printTable(t: BenchTable): void {
  const [small, large] = t.labels;
  const columns: [string, (p: keyof Percentiles) => string][] = [
    [`ranking ${small}`, (p) => ms(t.ranking[0][p])],
    [`ranking ${large}`, (p) => ms(t.ranking[1][p])],
    [`resolver ${small}`, (p) => ms(t.resolver[0][p])],
    [`resolver ${large}`, (p) => ms(t.resolver[1][p])],
    [`ranking ${large}/${small}`, (p) => ratio(t.ranking[1][p], t.ranking[0][p])],
    [`resolver ${large}/${small}`, (p) => ratio(t.resolver[1][p], t.resolver[0][p])],
    [`resolver/ranking ${small}`, (p) => ratio(t.resolver[0][p], t.ranking[0][p])],
    [`resolver/ranking ${large}`, (p) => ratio(t.resolver[1][p], t.ranking[1][p])],
  ];
  const row = (name: string, cells: string[]) =>
    `| ${name.padEnd(8)} | ${cells.map((c, i) => c.padStart(columns[i]![0].length)).join(' | ')} |`;
  const lines = [
    t.title,
    `Machine: ${t.machine}`,
    `Services in the directory: ${small} ${t.counts[0][0]}, ${large} ${t.counts[0][1]}; ` +
      `of the asked types (ranked or excluded): ${small} ${t.counts[1][0]}, ${large} ${t.counts[1][1]}`,
    '',
    row('', columns.map(([name]) => name)),
    `|${'-'.repeat(10)}|${columns.map(([name]) => '-'.repeat(name.length + 1) + ':').join('|')}|`,
    row('p50', columns.map(([, cell]) => cell('p50'))),
    row('p95', columns.map(([, cell]) => cell('p95'))),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

const ms = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

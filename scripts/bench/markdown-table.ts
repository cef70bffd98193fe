/** A GitHub-flavoured Markdown table with padded columns (readable in a terminal, pasteable into docs). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('left' | 'right')[] = []): string {
  const widths = header.map((title, i) => Math.max(3, title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const cell = (text: string, i: number) => (align[i] === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: readonly string[]) => `| ${header.map((_, i) => cell(cells[i] ?? '', i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Milliseconds with precision that fits their size; "–" for none. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** A ratio as "1.23×"; "–" when either side is missing. */
export function ratio(numerator: number, denominator: number): string {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return '–';
  return `${(numerator / denominator).toFixed(2)}×`;
}

export function perSecond(value: number): string {
  return Number.isFinite(value) ? value.toFixed(0) : '–';
}

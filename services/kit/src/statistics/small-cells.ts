/**
 * Small-cell suppression for published statistics (issue 8): pure functions the owning subgraphs run on
 * their aggregates before anything leaves them.
 *
 * - Primary: a count whose cell holds 1–4 people is suppressed. A cell of nobody (0) is shown: it is about
 *   no one, and showing it keeps "<5" meaning "1–4 or hidden".
 * - Complementary (against differencing): cells are tied together by relations — "this total is the sum of
 *   those cells". A relation with exactly one suppressed member would give it away (total minus the visible
 *   cells), so while any relation has exactly one, the smallest visible non-zero member of that relation is
 *   suppressed too (a total counts as a member). Repeated until no relation has exactly one; each step only
 *   adds suppressions, so it ends.
 * - Suppressed cells carry no reason: telling primary from complementary cells would bound the primary one
 *   (a complementary cell holds at least five people).
 */

export const MIN_PEOPLE = 5;

/** What a cell counts (referrals, slots …) and how many distinct people stand behind that count. */
export interface CellInput {
  value: number;
  people: number;
}

/** A published count: the value, or null and suppressed. */
export interface CountCell {
  value: number | null;
  suppressed: boolean;
}

/** A published ratio or median: computed from at least MIN_PEOPLE people, or null and suppressed. */
export interface MeasureCell {
  value: number | null;
  suppressed: boolean;
}

/** Whether a cell of this many people must be hidden on its own. */
export function isSmallCell(people: number): boolean {
  return people > 0 && people < MIN_PEOPLE;
}

/**
 * Suppresses a set of cells: primary on each, then complementary over `relations` (each an array of indices
 * into `cells` whose members are linked by one sum, total included). Returns the cells in the same order.
 */
export function suppressCells(cells: readonly CellInput[], relations: readonly (readonly number[])[] = []): CountCell[] {
  const hidden = cells.map((cell) => isSmallCell(cell.people));
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      if (relation.filter((index) => hidden[index]).length !== 1) continue;
      const companion = smallestVisibleNonZero(cells, hidden, relation);
      // No non-zero visible member: the single hidden cell is the whole relation's content bar zeros, which
      // only happens when the relation has no total; hiding a zero would not protect it either.
      if (companion === null) continue;
      hidden[companion] = true;
      changed = true;
    }
  }
  return cells.map((cell, index) => (hidden[index] ? { value: null, suppressed: true } : { value: cell.value, suppressed: false }));
}

function smallestVisibleNonZero(cells: readonly CellInput[], hidden: readonly boolean[], relation: readonly number[]): number | null {
  let best: number | null = null;
  for (const index of relation) {
    if (hidden[index] || cells[index]!.value === 0) continue;
    if (best === null || cells[index]!.value < cells[best]!.value) best = index;
  }
  return best;
}

/**
 * A ratio numerator/denominator, published only when both the numerator and its complement
 * (denominator − numerator) hold at least MIN_PEOPLE people: with the denominator known from other cells,
 * the ratio gives the numerator away, and one minus it the complement.
 */
export function suppressRatio(numerator: CellInput, denominator: CellInput): MeasureCell {
  const complementPeople = denominator.people - numerator.people;
  if (numerator.people < MIN_PEOPLE || complementPeople < MIN_PEOPLE || denominator.value === 0) return { value: null, suppressed: true };
  return { value: numerator.value / denominator.value, suppressed: false };
}

/** The median of values measured on `people` distinct people; suppressed below MIN_PEOPLE. */
export function suppressedMedian(values: readonly number[], people: number): MeasureCell {
  if (people < MIN_PEOPLE || values.length === 0) return { value: null, suppressed: true };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { value: median, suppressed: false };
}

/** A table with margins: rows × columns of cells, a total per row, per column and a grand total. */
export interface TableInput {
  cells: CellInput[][];
  rowTotals: CellInput[];
  columnTotals: CellInput[];
  grandTotal: CellInput;
}

export interface SuppressedTable {
  cells: CountCell[][];
  rowTotals: CountCell[];
  columnTotals: CountCell[];
  grandTotal: CountCell;
  /** Every cell's index in the flat list, for relations a caller adds across tables. */
  flat: CountCell[];
}

/** Lays a table out flat with its relations (each row + its total, each column + its total, both margins + the grand total). */
export function tableLayout(table: TableInput, offset = 0) {
  const rows = table.cells.length;
  const columns = table.columnTotals.length;
  const cellIndex = (r: number, c: number) => offset + r * columns + c;
  const rowTotalIndex = (r: number) => offset + rows * columns + r;
  const columnTotalIndex = (c: number) => offset + rows * columns + rows + c;
  const grandTotalIndex = offset + rows * columns + rows + columns;
  const flat: CellInput[] = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal];
  const relations: number[][] = [];
  for (let r = 0; r < rows; r++) relations.push([...Array.from({ length: columns }, (_, c) => cellIndex(r, c)), rowTotalIndex(r)]);
  for (let c = 0; c < columns; c++) relations.push([...Array.from({ length: rows }, (_, r) => cellIndex(r, c)), columnTotalIndex(c)]);
  relations.push([...Array.from({ length: rows }, (_, r) => rowTotalIndex(r)), grandTotalIndex]);
  relations.push([...Array.from({ length: columns }, (_, c) => columnTotalIndex(c)), grandTotalIndex]);
  return { flat, relations, cellIndex, rowTotalIndex, columnTotalIndex, grandTotalIndex };
}

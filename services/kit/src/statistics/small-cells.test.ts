import { isSmallCell, suppressCells, suppressedMedian, suppressRatio, tableLayout, type CellInput } from './small-cells';

const n = (value: number, people = value): CellInput => ({ value, people });
const shown = (cells: { value: number | null; suppressed: boolean }[]) => cells.map((c) => (c.suppressed ? '<5' : c.value));

describe('small-cell suppression', () => {
  it('hides cells of 1–4 people and shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map(isSmallCell)).toEqual([false, true, true, false, false]);
    expect(shown(suppressCells([n(0), n(1), n(4), n(5), n(12)]))).toEqual([0, '<5', '<5', 5, 12]);
  });

  it('judges a cell by its people, not by what it counts: 6 referrals of 2 people stay hidden', () => {
    expect(shown(suppressCells([n(6, 2), n(7, 5)]))).toEqual(['<5', 7]);
  });

  it('hides a second cell when one hidden cell could be worked out from its total', () => {
    // 3 + 9 + 20 = 32: with 32, 9 and 20 visible the 3 follows, so the smallest visible cell (9) goes too.
    const cells = [n(3), n(9), n(20), n(32)];
    expect(shown(suppressCells(cells, [[0, 1, 2, 3]]))).toEqual(['<5', '<5', 20, 32]);
  });

  it('hides the total when it is the only other non-zero member', () => {
    expect(shown(suppressCells([n(3), n(0), n(3)], [[0, 1, 2]]))).toEqual(['<5', 0, '<5']);
  });

  it('leaves a relation alone when two or more members are already hidden', () => {
    expect(shown(suppressCells([n(2), n(3), n(20), n(25)], [[0, 1, 2, 3]]))).toEqual(['<5', '<5', 20, 25]);
  });

  it('keeps going until no row or column of a table has exactly one hidden member', () => {
    // weeks × 2 states, with margins. Week 1 state B is small; hiding its row companion opens a column, and so on.
    const layout = tableLayout({
      cells: [[n(10), n(2)], [n(8), n(30)]],
      rowTotals: [n(12), n(38)],
      columnTotals: [n(18), n(32)],
      grandTotal: n(50),
    });
    const result = suppressCells(layout.flat, layout.relations);
    for (const relation of layout.relations) expect(relation.filter((i) => result[i]!.suppressed).length).not.toBe(1);
    expect(result[layout.cellIndex(0, 1)]!.suppressed).toBe(true);
  });
});

describe('suppression on many random tables', () => {
  it('never shows a cell of 1–4 people and never leaves one hidden member in a relation', () => {
    let seed = 7;
    const random = (max: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % (max + 1));
    for (let round = 0; round < 300; round++) {
      const rows = 1 + random(6);
      const columns = 1 + random(5);
      const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, () => n(random(3) === 0 ? random(4) : random(40))));
      const sum = (list: CellInput[]) => n(list.reduce((total, c) => total + c.value, 0));
      const layout = tableLayout({
        cells,
        rowTotals: cells.map(sum),
        columnTotals: Array.from({ length: columns }, (_, c) => sum(cells.map((row) => row[c]!))),
        grandTotal: sum(cells.flat()),
      });
      const result = suppressCells(layout.flat, layout.relations);
      result.forEach((cell) => expect(cell.value === null || cell.value === 0 || cell.value >= 5).toBe(true));
      for (const relation of layout.relations) expect(relation.filter((i) => result[i]!.suppressed).length).not.toBe(1);
    }
  });
});

describe('suppressed ratios and medians', () => {
  it('shows a ratio only when both the part and the rest hold at least five people', () => {
    expect(suppressRatio(n(5), n(10))).toEqual({ value: 0.5, suppressed: false });
    expect(suppressRatio(n(4), n(10))).toEqual({ value: null, suppressed: true });
    expect(suppressRatio(n(6), n(10))).toEqual({ value: null, suppressed: true });
    expect(suppressRatio(n(0), n(0))).toEqual({ value: null, suppressed: true });
  });

  it('shows a median only from five or more people', () => {
    expect(suppressedMedian([5, 1, 3, 2, 4], 5)).toEqual({ value: 3, suppressed: false });
    expect(suppressedMedian([1, 2, 3, 4], 5)).toEqual({ value: 2.5, suppressed: false });
    expect(suppressedMedian([1, 2, 3, 4, 5, 6], 4)).toEqual({ value: null, suppressed: true });
  });
});

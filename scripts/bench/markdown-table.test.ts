import { markdownTable, ms, perSecond, ratio } from './markdown-table';

describe('Markdown tables for the benchmark output', () => {
  it('pads every column to its widest cell and aligns numbers right', () => {
    expect(markdownTable(['path', 'req/s'], [['direct', '1234'], ['gateway', '9']], ['left', 'right'])).toBe(
      ['| path    | req/s |', '|---------|------:|', '| direct  |  1234 |', '| gateway |     9 |'].join('\n'),
    );
  });

  it('formats missing numbers as a dash rather than as zero or NaN', () => {
    expect(ms(Number.NaN)).toBe('–');
    expect(ratio(1, 0)).toBe('–');
    expect(perSecond(Number.NaN)).toBe('–');
  });

  it('shows small times with two decimals, large ones with one, ratios with two', () => {
    expect(ms(3.14159)).toBe('3.14');
    expect(ms(123.456)).toBe('123.5');
    expect(ratio(3, 2)).toBe('1.50×');
  });
});

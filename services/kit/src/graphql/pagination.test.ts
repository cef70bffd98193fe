import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor, pageSize, toPage } from './pagination';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? [error.extensions.code, error.extensions.field] : 'other';
  }
  return 'none';
};

describe('keyset pagination', () => {
  it('round-trips a position through an opaque cursor', () => {
    const position = { at: new Date('2026-11-30T10:00:00.123Z'), id: randomUUID() };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses a cursor it did not make', () => {
    expect(codeOf(() => decodeCursor('nonsense'))).toEqual(['BAD_USER_INPUT', 'after']);
    expect(codeOf(() => decodeCursor(Buffer.from('2026-11-30T10:00:00Z|not-a-uuid').toString('base64url')))).toEqual(['BAD_USER_INPUT', 'after']);
  });

  it('checks page sizes: default, bounds, whole numbers', () => {
    expect(pageSize(undefined, 20)).toBe(20);
    expect(pageSize(100, 20)).toBe(100);
    expect(codeOf(() => pageSize(101, 20))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(() => pageSize(0, 20))).toEqual(['BAD_USER_INPUT', 'first']);
    expect(codeOf(() => pageSize(1.5, 20))).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('makes a page from size + 1 rows', () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n * 1000), id: randomUUID() }));
    const page = toPage(rows, 2, (row) => row);
    expect(page.nodes).toEqual(rows.slice(0, 2));
    expect(page.hasNextPage).toBe(true);
    expect(decodeCursor(page.endCursor!)).toEqual(rows[1]);
    expect(toPage([], 2, (row: { at: Date; id: string }) => row)).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
  });
});

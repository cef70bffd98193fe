import { badInput } from '../errors';
import { isUuid } from './uuid';

// Keyset pagination over (timestamp, id): stable while rows are added, no OFFSET scans. Cursors are
// opaque to clients (base64url) and checked on the way back in.

/** Lists never return more than this many items per page; a larger ask is refused, not quietly cut. */
export const MAX_PAGE_SIZE = 100;

export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): Position {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (rest.length > 0 || !isUuid(id) || Number.isNaN(date.getTime())) throw badInput(field, 'Unknown cursor');
  return { at: date, id };
}

/** `first` checked: a whole number from 1 to `max`, or the default when not given. */
export function pageSize(first: number | null | undefined, fallback: number, max = MAX_PAGE_SIZE, field = 'first'): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badInput(field, `${field} must be 1 to ${max}`);
  return size;
}

/** One page from `size + 1` rows read in order: the extra row only says there is a next page. */
export function toPage<T>(rows: T[], size: number, positionOf: (row: T) => Position) {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return { nodes, endCursor: last ? encodeCursor(positionOf(last)) : null, hasNextPage: rows.length > size };
}

import DataLoader from 'dataloader';
import { isUuid } from './uuid';

/**
 * A per-request loader keyed by id: many entity references in one request become one
 * `findMany({ where: { id: { in } } })` (Prisma 7 pays per query, TOOLCHAIN.md).
 */
export function byIdLoader<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

const perRequest = new WeakMap<object, Map<string, unknown>>();

/** Returns the loader named `key` for this request's context, creating it on first use. */
export function requestLoader<L>(ctx: object, key: string, create: () => L): L {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = new Map()));
  if (!loaders.has(key)) loaders.set(key, create());
  return loaders.get(key) as L;
}

/** Rows grouped by a key, in their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * A per-request loader of the rows of many parents: one query for all parent keys (keys that are not uuids
 * get nothing and are not sent), handed back per parent in the query's order.
 */
export function groupLoader<Row>(fetch: (keys: string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  return new DataLoader<string, Row[]>(async (keys) => {
    const valid = keys.filter(isUuid);
    const byKey = groupBy(valid.length > 0 ? await fetch(valid) : [], keyOf);
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

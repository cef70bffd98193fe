import DataLoader from 'dataloader';

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

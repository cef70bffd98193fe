import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type GraphiQLStorage = NonNullable<ComponentProps<typeof GraphiQL>['storage']>;

/**
 * GraphiQL's storage, minus request headers. `shouldPersistHeaders={false}` keeps them out of the tab state,
 * but GraphiQL's history plugin (5.x) saves every run's headers anyway — the caller's bearer token among
 * them. Every JSON value loses its `headers` fields on the way in, and a plain headers entry is never
 * written, whatever part of GraphiQL writes it.
 */
export function headerFreeStorage(backing: Storage): GraphiQLStorage {
  return {
    getItem: (key) => backing.getItem(key),
    setItem: (key, value) => {
      const cleaned = withoutHeaders(key, value);
      if (cleaned === undefined) backing.removeItem(key);
      else backing.setItem(key, cleaned);
    },
    removeItem: (key) => backing.removeItem(key),
    clear: () => backing.clear(),
    get length() {
      return backing.length;
    },
  };
}

function withoutHeaders(key: string, value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return /headers/i.test(key) ? undefined : value;
  }
  if (/headers/i.test(key)) return undefined;
  return JSON.stringify(parsed, (field, inner: unknown) => (field === 'headers' ? undefined : inner));
}

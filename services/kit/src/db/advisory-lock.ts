import type { ClientBase } from 'pg';

/**
 * Session advisory lock keyed by a name (hashed by PostgreSQL), held while `work` runs. Advisory locks are
 * per database, which is exactly the scope of a migration; a dropped connection releases the lock.
 */
export async function withAdvisoryLock<T>(client: ClientBase, name: string, work: () => Promise<T>): Promise<T> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
  }
}

export function migrationLockName(service: string): string {
  return `haven:migrate:${service}`;
}

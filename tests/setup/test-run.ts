import type { EmbeddedPostgresHandle } from '../../services/kit/src/db/embedded';

/** What global-setup hands to global-teardown (both run in Jest's main process). */
export interface TestRun {
  serverUrl: string;
  database: string;
  embedded?: EmbeddedPostgresHandle;
}

const KEY = Symbol.for('haven.testRun');

export function setTestRun(run: TestRun): void {
  (globalThis as Record<symbol, unknown>)[KEY] = run;
}

export function takeTestRun(): TestRun | undefined {
  const run = (globalThis as Record<symbol, unknown>)[KEY] as TestRun | undefined;
  delete (globalThis as Record<symbol, unknown>)[KEY];
  return run;
}

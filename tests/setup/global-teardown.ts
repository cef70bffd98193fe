import { dropDatabase } from '../../services/kit/src/db/databases';
import { takeTestRun } from './test-run';

/** Drops the run's database (even with pools still connected) and stops the embedded server if it started one. */
export default async function globalTeardown(): Promise<void> {
  const run = takeTestRun();
  if (!run) return;
  try {
    await dropDatabase(run.serverUrl, run.database);
  } finally {
    await run.embedded?.stop();
  }
}

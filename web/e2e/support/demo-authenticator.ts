import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { totpAt, totpStep } from './totp';

/**
 * Codes for the demo accounts seeded with two-step sign-in (DEMO_TOTP_SECRET). Identity accepts each 30-second
 * step once per account, and one step ahead of now: so a sign-in takes the step after the last one this machine's
 * test runs used (recorded in a file, so re-running the suite within the same half minute still works) and waits
 * only when that step is more than one ahead. Two runs at once against one stack would still compete: the suite
 * runs with one worker.
 */
const RECORD = join(tmpdir(), 'haven-e2e-totp-steps.json');
const LOCK = `${RECORD}.lock`;

function readRecord(): Record<string, number> {
  if (!existsSync(RECORD)) return {};
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (error) {
      if (attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    unlinkSync(LOCK);
  }
}

/** The code to type for `email` now: the next unused step, waiting for it when it is not yet within reach. */
export async function demoAuthenticatorCode(email: string, secret: string): Promise<string> {
  return withLock(async () => {
    const record = readRecord();
    const step = Math.max(totpStep(), (record[email] ?? 0) + 1);
    // Identity accepts now + 1: wait until `step` is at most one ahead (a step lasts 30 s, plus a little slack).
    const waitMs = (step - 1) * 30_000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 250));
    writeFileSync(RECORD, JSON.stringify({ ...record, [email]: step }));
    return totpAt(secret, step);
  });
}

import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import { defaultDeadlineHours, type CasesSettings } from './settings';

// Test-only (no service code imports this file).

/** Settings for a cases server under test: a fresh key ring, and partners/identity where nothing listens unless given. */
export function testCasesSettings(overrides: Partial<CasesSettings> = {}): CasesSettings {
  return {
    keyRing: randomKeyRing(),
    partnersUrl: 'http://127.0.0.1:9/graphql',
    identityUrl: 'http://127.0.0.1:9/graphql',
    deadlineHours: defaultDeadlineHours,
    ...overrides,
  };
}

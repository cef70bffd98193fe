import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import { DEFAULT_EMERGENCY_ACCESS_HOURS, defaultDeadlineHours, type CasesSettings } from './settings';

// Test-only (no service code imports this file).

/** Settings for a cases server under test: a fresh key ring, and partners/identity/consent where nothing listens unless given. */
export function testCasesSettings(overrides: Partial<CasesSettings> = {}): CasesSettings {
  return {
    keyRing: randomKeyRing(),
    partnersUrl: 'http://127.0.0.1:9/graphql',
    identityUrl: 'http://127.0.0.1:9/graphql',
    consentUrl: 'http://127.0.0.1:9/graphql',
    emergencyAccessHours: DEFAULT_EMERGENCY_ACCESS_HOURS,
    deadlineHours: defaultDeadlineHours,
    ...overrides,
  };
}

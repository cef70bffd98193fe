import { randomUUID } from 'node:crypto';
import type { Role } from '@haven/kit/src/taxonomy';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import { consentReaderOrganisation, mayReadConsentRecord } from './consent-access';

describe('who may read a consent record', () => {
  const org = randomUUID();
  const record = { recordedByOrganisationId: org };

  it('a coordinator of the recording organisation may', () => {
    expect(mayReadConsentRecord(caller(org, ['COORDINATOR']), record)).toBe(true);
    expect(consentReaderOrganisation(caller(org, ['COORDINATOR']))).toBe(org);
  });

  it('a coordinator of another organisation may not', () => {
    expect(mayReadConsentRecord(caller(randomUUID(), ['COORDINATOR']), record)).toBe(false);
  });

  it.each<Role[]>([['PARTNER_STAFF'], ['PARTNER_ADMIN'], ['NETWORK_ADMIN'], ['AUDITOR']])(
    'any other role of the recording organisation may not (%s)',
    (...roles) => {
      expect(mayReadConsentRecord(caller(org, roles), record)).toBe(false);
      expect(consentReaderOrganisation(caller(org, roles))).toBeNull();
    },
  );

  it('nobody may without an active organisation, anonymously, or for a row missing its organisation', () => {
    expect(mayReadConsentRecord(caller(null, ['COORDINATOR']), record)).toBe(false);
    expect(mayReadConsentRecord(null, record)).toBe(false);
    expect(mayReadConsentRecord(caller(org, ['COORDINATOR']), {})).toBe(false);
    expect(mayReadConsentRecord(caller(org, ['COORDINATOR']), null)).toBe(false);
  });
});

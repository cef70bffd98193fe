import { portalOperation } from './portal-operation';

describe('reading the portal’s own operations', () => {
  it('finds the inbox query by name and prints it as the portal sends it', () => {
    const inbox = portalOperation('inbox.ts', 'PortalIncomingReferrals');
    expect(inbox.operationName).toBe('PortalIncomingReferrals');
    expect(inbox.query).toMatch(/^query PortalIncomingReferrals\(\$states: \[ReferralState!\], \$after: String\) \{/);
    expect(inbox.query).toContain('service {');
  });

  it('refuses a name the portal does not have', () => {
    expect(() => portalOperation('inbox.ts', 'NoSuchOperation')).toThrow('no operation NoSuchOperation');
  });

  it('refuses an operation that needs fragments rather than sending it without them', () => {
    expect(() => portalOperation('inbox.ts', 'PortalReferralCare')).toThrow('uses fragments');
  });
});

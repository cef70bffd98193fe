import { randomUUID } from 'node:crypto';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { mayViewCase } from './case-access';

const org = randomUUID();
const who = (organisationId: string | null, roles: Identity['roles']): Identity => ({
  subject: randomUUID(),
  kind: 'user',
  sessionId: randomUUID(),
  organisationId,
  roles,
  scopes: [],
});

describe('mayViewCase', () => {
  const row = { coordinatingOrganisationId: org };

  it("lets a coordinator of the case's coordinating organisation see it", () => {
    expect(mayViewCase(who(org, ['COORDINATOR']), row)).toBe(true);
  });

  it('refuses a coordinator of another organisation, other roles of the same organisation, and nobody', () => {
    expect(mayViewCase(who(randomUUID(), ['COORDINATOR']), row)).toBe(false);
    expect(mayViewCase(who(org, ['NETWORK_ADMIN', 'AUDITOR']), row)).toBe(false);
    expect(mayViewCase(who(org, ['PARTNER_ADMIN']), row)).toBe(false);
    expect(mayViewCase(who(null, ['COORDINATOR']), row)).toBe(false);
    expect(mayViewCase(null, row)).toBe(false);
  });

  it('refuses when the row does not say whose it is', () => {
    expect(mayViewCase(who(org, ['COORDINATOR']), {})).toBe(false);
    expect(mayViewCase(who(org, ['COORDINATOR']), null)).toBe(false);
  });
});

import { PROVINCES, ROLES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { buildDemoNetwork, COORDINATING_CENTRE, DEMO_PASSWORD } from './demo-network';

const network = buildDemoNetwork();
const partners = network.organisations.filter((o) => o.kind === 'PARTNER');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the demo network', () => {
  it('is the same network every time it is built (ids derived from names)', () => {
    expect(buildDemoNetwork()).toEqual(network);
  });

  it('has one coordinating centre and at least 60 partner organisations', () => {
    expect(network.organisations.filter((o) => o.kind === 'COORDINATING').map((o) => o.name)).toEqual([COORDINATING_CENTRE]);
    expect(partners.length).toBeGreaterThanOrEqual(60);
  });

  it('places partners in every one of the twelve provinces, each with a directory profile', () => {
    expect(new Set(network.profiles.map((p) => p.province))).toEqual(new Set(PROVINCES));
    expect(network.profiles.map((p) => p.organisationId).sort()).toEqual(partners.map((o) => o.id).sort());
  });

  it('gives every partner 1–3 services from the taxonomy, in its own province, with sane age ranges', () => {
    for (const partner of partners) {
      const services = network.services.filter((s) => s.organisationId === partner.id);
      const profile = network.profiles.find((p) => p.organisationId === partner.id)!;
      expect(services.length).toBeGreaterThanOrEqual(1);
      expect(services.length).toBeLessThanOrEqual(3);
      for (const service of services) {
        expect(SERVICE_TYPES).toContain(service.type);
        expect(service.province).toBe(profile.province);
        if (service.minAge !== null && service.maxAge !== null) expect(service.minAge).toBeLessThanOrEqual(service.maxAge);
      }
    }
    expect(network.services.some((s) => s.maxAge !== null && s.maxAge < 18)).toBe(true);
    expect(network.services.some((s) => s.minAge === 18)).toBe(true);
  });

  it('uses unique names and unique version-5 UUIDs', () => {
    const ids = [...network.organisations, ...network.services, ...network.users].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(network.organisations.map((o) => o.name)).size).toBe(network.organisations.length);
  });

  it('has a demo account for every role, partner staff and admin at two different partners, and one user in two organisations', () => {
    const roles = new Set(network.users.flatMap((u) => u.memberships.map((m) => m.role)));
    expect(roles).toEqual(new Set(ROLES));
    const partnerOrgs = (role: string) =>
      new Set(network.users.flatMap((u) => u.memberships.filter((m) => m.role === role).map((m) => m.organisationId)));
    expect(partnerOrgs('PARTNER_STAFF').size).toBeGreaterThanOrEqual(2);
    expect(partnerOrgs('PARTNER_ADMIN').size).toBeGreaterThanOrEqual(2);
    expect(network.users.some((u) => new Set(u.memberships.map((m) => m.organisationId)).size >= 2)).toBe(true);
  });

  it('puts coordinating roles in the centre and partner roles in partner organisations', () => {
    const centre = network.organisations.find((o) => o.kind === 'COORDINATING')!;
    const partnerIds = new Set(partners.map((o) => o.id));
    for (const { role, organisationId } of network.users.flatMap((u) => u.memberships)) {
      if (role === 'PARTNER_STAFF' || role === 'PARTNER_ADMIN') expect(partnerIds.has(organisationId)).toBe(true);
      else expect(organisationId).toBe(centre.id);
    }
  });

  it('uses only reserved .example email addresses and the one printed demo password', () => {
    for (const user of network.users) {
      expect(user.email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.example$/);
      expect(user.password).toBe(DEMO_PASSWORD);
    }
    expect(network.accounts.map((a) => a.email)).toEqual(network.users.map((u) => u.email));
  });
});

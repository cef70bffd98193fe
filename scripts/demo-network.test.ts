import { PROVINCES, ROLES, SERVICE_TYPES } from '@haven/kit/src/taxonomy';
import { ISO_639_1 } from '@haven/kit/src/iso-639-1';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { buildDemoNetwork, COORDINATING_CENTRE, DEMO_PASSWORD, NEIGHBOURS } from './demo-network';

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

describe('the demo directory (for matching)', () => {
  const serviceOf = (id: string) => network.services.find((s) => s.id === id)!;

  it('puts every partner in a gazetteer town of the province the demo says, with that town centre as coordinates', () => {
    for (const profile of network.profiles) {
      const place = findPlace(profile.city);
      expect([profile.city, place?.province]).toEqual([profile.city, profile.province]);
      expect([profile.latitude, profile.longitude]).toEqual([place!.latitude, place!.longitude]);
    }
  });

  it('gives every partner a fictional intake desk, intake hours, Dutch plus ISO 639-1 languages, and regions including its own province', () => {
    for (const profile of network.profiles) {
      expect(profile.intakeEmail).toMatch(/^intake@[a-z0-9-]+\.example$/);
      expect(profile.intakePhone).toMatch(/^\+31 00 555 \d{4}$/);
      expect(profile.intakeHours.length).toBeGreaterThan(0);
      expect(profile.languages[0]).toBe('nl');
      for (const code of profile.languages) expect(ISO_639_1.has(code)).toBe(true);
      expect(profile.regionsServed).toContain(profile.province);
      for (const region of profile.regionsServed) expect(PROVINCES).toContain(region);
    }
    expect(new Set(network.profiles.flatMap((p) => p.languages)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(network.profiles.map((p) => p.intakePhone)).size).toBe(network.profiles.length);
  });

  it('lists neighbouring provinces both ways', () => {
    for (const [province, neighbours] of Object.entries(NEIGHBOURS)) {
      for (const neighbour of neighbours) expect([neighbour, NEIGHBOURS[neighbour]]).toEqual([neighbour, expect.arrayContaining([province])]);
    }
  });

  it('mixes eligibility: minors-only, adults-only and all-ages services, women-only and men-only shelters, languages, exploitation types, exclusions', () => {
    const minorsOnly = network.services.filter((s) => s.maxAge !== null && s.maxAge < 18);
    const adultsOnly = network.services.filter((s) => s.minAge !== null && s.minAge >= 18);
    const allAges = network.services.filter((s) => s.minAge === null);
    expect(minorsOnly.length).toBeGreaterThanOrEqual(5);
    expect(adultsOnly.length).toBeGreaterThanOrEqual(5);
    expect(allAges.length).toBeGreaterThanOrEqual(5);
    expect(network.services.filter((s) => s.type === 'YOUTH_CARE').every((s) => s.maxAge !== null && s.maxAge < 18)).toBe(true);
    const shelters = network.services.filter((s) => s.type === 'SHELTER' && s.minAge === 18);
    expect(shelters.some((s) => s.genders.join() === 'FEMALE')).toBe(true);
    expect(shelters.some((s) => s.genders.join() === 'MALE')).toBe(true);
    expect(shelters.some((s) => s.genders.length === 0)).toBe(true);
    expect(network.services.some((s) => s.exploitationTypes.length > 0)).toBe(true);
    expect(network.services.some((s) => s.exclusions.length > 0)).toBe(true);
    for (const service of network.services) for (const code of service.languages) expect(ISO_639_1.has(code)).toBe(true);
  });

  it('declares capacity for every service, interpretation too: mostly free slots, some full, paused, waitlisted and stale', () => {
    expect(new Set(network.capacities.map((c) => c.serviceId))).toEqual(new Set(network.services.map((s) => s.id)));
    expect(network.capacities.map((c) => serviceOf(c.serviceId).type)).toContain('INTERPRETATION');
    const open = network.capacities.filter((c) => c.totalSlots > 0 && !c.paused);
    expect(open.length).toBeGreaterThan(network.capacities.length / 2);
    expect(network.capacities.filter((c) => c.totalSlots === 0).length).toBeGreaterThanOrEqual(3);
    expect(network.capacities.filter((c) => c.paused).length).toBeGreaterThanOrEqual(2);
    expect(network.capacities.filter((c) => c.waitlistLength > 0).length).toBeGreaterThanOrEqual(5);
    // Stale against the default of 7 days, and fresh ones well inside it.
    expect(network.capacities.filter((c) => c.confirmedDaysAgo > 7).length).toBeGreaterThanOrEqual(5);
    for (const c of network.capacities) {
      expect(c.confirmedDaysAgo > 7 || c.confirmedDaysAgo <= 3).toBe(true);
      expect(c.totalSlots).toBeGreaterThanOrEqual(0);
      expect(c.waitlistLength).toBeGreaterThanOrEqual(0);
    }
  });

  it("keeps the demo accounts' own services open, with free slots confirmed recently", () => {
    const accountOrgs = new Set(network.users.flatMap((u) => u.memberships.map((m) => m.organisationId)));
    const lantaarn = network.organisations.find((o) => o.name.startsWith('Opvanghuis De Lantaarn') && accountOrgs.has(o.id))!;
    const own = network.capacities.filter((c) => serviceOf(c.serviceId).organisationId === lantaarn.id);
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) expect([c.totalSlots > 0, c.paused, c.confirmedDaysAgo <= 7]).toEqual([true, false, true]);
  });
});

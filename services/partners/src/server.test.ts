import { randomUUID } from 'node:crypto';
import { caller, errorCodes, postGraphql, postWithoutAssertion, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createPartnersDb } from './db';
import { createPartnersServer } from './server';

const startPartners = () => startTestSubgraph({ name: 'partners', createDb: createPartnersDb, createServer: createPartnersServer });
type Partners = Awaited<ReturnType<typeof startPartners>>;

const PROFILE_FIELDS = 'organisation { id } description province city acceptingReferrals updatedAt';
const UPDATE_PROFILE = `mutation ($input: UpdateOrganisationProfileInput!) { updateOrganisationProfile(input: $input) { ${PROFILE_FIELDS} } }`;
const UPDATE_SERVICE = `mutation ($input: UpdateServiceInput!) { updateService(input: $input) { id type name province minAge maxAge } }`;

describe('partners subgraph over HTTP', () => {
  let partners: Partners;
  // Fresh ids per run: the test database is shared with other test files.
  const orgA = randomUUID();
  const orgB = randomUUID();
  const serviceA = randomUUID();
  const serviceB = randomUUID();

  const adminA = caller(orgA, ['PARTNER_ADMIN']);
  const staffA = caller(orgA, ['PARTNER_STAFF']);
  const adminB = caller(orgB, ['PARTNER_ADMIN']);
  const networkAdmin = caller(randomUUID(), ['NETWORK_ADMIN']);
  const coordinator = caller(randomUUID(), ['COORDINATOR']);

  beforeAll(async () => {
    partners = await startPartners();
    await partners.admin.organisationProfile.createMany({
      data: [
        { organisationId: orgA, description: 'Shelter A', province: 'OVERIJSSEL', city: 'Zwolle' },
        { organisationId: orgB, description: 'Clinic B', province: 'LIMBURG', city: 'Maastricht' },
      ],
    });
    await partners.admin.service.createMany({
      data: [
        { id: serviceA, organisationId: orgA, type: 'SHELTER', name: 'Shelter A beds', province: 'OVERIJSSEL', minAge: 12, maxAge: 23 },
        { id: serviceB, organisationId: orgB, type: 'MEDICAL_CARE', name: 'Clinic B care', province: 'LIMBURG' },
      ],
    });
  });

  afterAll(async () => {
    await partners.admin.organisationProfile.deleteMany({ where: { organisationId: { in: [orgA, orgB] } } });
    await partners.close();
  });

  const profileOf = (organisationId: string) => partners.db.organisationProfile.findUniqueOrThrow({ where: { organisationId } });
  const serviceRow = (id: string) => partners.db.service.findUniqueOrThrow({ where: { id } });

  describe('the shared directory', () => {
    it('lets a member of any organisation read profiles and services of every organisation', async () => {
      const res = await partners.gql(
        { query: '{ directoryProfiles { organisation { id } city } services { id organisation { id } } }' },
        coordinator,
      );
      expect(res.body?.errors).toBeUndefined();
      const orgs = res.body!.data!.directoryProfiles.map((p: { organisation: { id: string } }) => p.organisation.id);
      expect(orgs).toEqual(expect.arrayContaining([orgA, orgB]));
      const services = res.body!.data!.services.map((s: { id: string }) => s.id);
      expect(services).toEqual(expect.arrayContaining([serviceA, serviceB]));
    });

    it('filters services by type and province', async () => {
      const query = 'query ($filter: ServiceFilterInput) { services(filter: $filter) { id type province } }';
      const res = await partners.gql({ query, variables: { filter: { type: 'SHELTER', province: 'OVERIJSSEL' } } }, staffA);
      const ids = res.body!.data!.services.map((s: { id: string }) => s.id);
      expect(ids).toContain(serviceA);
      expect(ids).not.toContain(serviceB);
      for (const s of res.body!.data!.services) expect([s.type, s.province]).toEqual(['SHELTER', 'OVERIJSSEL']);
    });

    it('reads one service with its organisation, its profile and its other services', async () => {
      const query = `query ($id: ID!) { service(id: $id) { name minAge maxAge organisation { id profile { city } services { id } } } }`;
      const res = await partners.gql({ query, variables: { id: serviceA } }, adminB);
      expect(res.body?.data?.service).toEqual({
        name: 'Shelter A beds',
        minAge: 12,
        maxAge: 23,
        organisation: { id: orgA, profile: { city: 'Zwolle' }, services: [{ id: serviceA }] },
      });
    });

    it('answers null for a service id that does not exist or is not an id', async () => {
      const query = 'query ($id: ID!) { service(id: $id) { id } }';
      expect((await partners.gql({ query, variables: { id: randomUUID() } }, staffA)).body?.data?.service).toBeNull();
      expect((await partners.gql({ query, variables: { id: 'nope' } }, staffA)).body?.data?.service).toBeNull();
    });

    it('refuses an anonymous caller with UNAUTHENTICATED and gives no directory data', async () => {
      const res = await partners.gql({ query: '{ directoryProfiles { city } services { name } }' }, null);
      expect(res.body?.data ?? null).toBeNull();
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    });

    it('refuses a signed-in user who has not chosen an organisation', async () => {
      const res = await partners.gql({ query: '{ services { name } }' }, caller(null, []));
      expect(res.body?.data ?? null).toBeNull();
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    });
  });

  describe('references from the gateway (_entities)', () => {
    const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Service { id name } ... on Organisation { id profile { city } services { id } } } }`;
    const representations = () => [
      { __typename: 'Service', id: serviceB },
      { __typename: 'Organisation', id: orgA },
      { __typename: 'Service', id: randomUUID() },
    ];

    it('resolves services and organisations for a member, and null for an unknown service', async () => {
      const res = await partners.gql({ query: ENTITIES, variables: { representations: representations() } }, staffA);
      expect(res.body?.data?._entities).toEqual([
        { id: serviceB, name: 'Clinic B care' },
        { id: orgA, profile: { city: 'Zwolle' }, services: [{ id: serviceA }] },
        null,
      ]);
    });

    it('gives an anonymous caller nothing', async () => {
      const res = await partners.gql({ query: ENTITIES, variables: { representations: representations() } }, null);
      expect(res.body?.data ?? null).toBeNull();
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
    });
  });

  describe('editing a profile', () => {
    it("lets a partner admin edit their own organisation's profile and records who did", async () => {
      const res = await partners.gql(
        { query: UPDATE_PROFILE, variables: { input: { organisationId: orgA, city: ' Deventer ', acceptingReferrals: false } } },
        adminA,
      );
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.updateOrganisationProfile).toMatchObject({
        organisation: { id: orgA },
        city: 'Deventer',
        acceptingReferrals: false,
        province: 'OVERIJSSEL',
        description: 'Shelter A',
      });
      const row = await profileOf(orgA);
      expect([row.city, row.acceptingReferrals, row.updatedByUserId]).toEqual(['Deventer', false, adminA.subject]);
    });

    it("lets a partner admin fill in their own organisation's directory profile", async () => {
      const input = {
        organisationId: orgA,
        careKind: 'SHELTER',
        regionsServed: ['OVERIJSSEL', 'GELDERLAND'],
        street: 'Voorbeeldstraat 1',
        postalCode: '8011ab',
        latitude: 52.51,
        longitude: 6.08,
        intakePhone: '+31 38 123 4567',
        intakeEmail: 'intake@shelter-a.example',
        intakeHours: 'Mon-Fri 9-17',
        languages: ['NL', 'en'],
      };
      const query = `mutation ($input: UpdateOrganisationProfileInput!) { updateOrganisationProfile(input: $input) {
        careKind regionsServed street postalCode latitude longitude intakePhone intakeEmail intakeHours languages } }`;
      const res = await partners.gql({ query, variables: { input } }, adminA);
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.updateOrganisationProfile).toEqual({ ...input, organisationId: undefined, postalCode: '8011 AB', languages: ['nl', 'en'] });
      expect((await profileOf(orgA)).updatedByUserId).toBe(adminA.subject);
    });

    it("refuses a partner admin editing another organisation's profile, and changes nothing", async () => {
      const before = await profileOf(orgB);
      const res = await partners.gql({ query: UPDATE_PROFILE, variables: { input: { organisationId: orgB, city: 'Venlo' } } }, adminA);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.body?.data ?? null).toBeNull();
      expect(await profileOf(orgB)).toEqual(before);
    });

    it("refuses partner staff editing their own organisation's profile, and changes nothing", async () => {
      const before = await profileOf(orgA);
      const res = await partners.gql({ query: UPDATE_PROFILE, variables: { input: { organisationId: orgA, city: 'Almelo' } } }, staffA);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(await profileOf(orgA)).toEqual(before);
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const before = await profileOf(orgA);
      const res = await partners.gql({ query: UPDATE_PROFILE, variables: { input: { organisationId: orgA, city: 'Almelo' } } }, null);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(await profileOf(orgA)).toEqual(before);
    });

    it("lets a network admin edit any organisation's profile", async () => {
      const res = await partners.gql(
        { query: UPDATE_PROFILE, variables: { input: { organisationId: orgB, description: 'Clinic B, updated' } } },
        networkAdmin,
      );
      expect(res.body?.data?.updateOrganisationProfile?.description).toBe('Clinic B, updated');
      expect((await profileOf(orgB)).updatedByUserId).toBe(networkAdmin.subject);
    });

    it.each([
      ['an empty city', { city: '   ' }, 'BAD_USER_INPUT'],
      ['a null province', { province: null }, 'BAD_USER_INPUT'],
      ['a too long description', { description: 'x'.repeat(2001) }, 'BAD_USER_INPUT'],
      ['an unknown province', { province: 'ATLANTIS' }, 'BAD_USER_INPUT'],
      ['a language that is no ISO 639-1 code', { languages: ['nl', 'english'] }, 'BAD_USER_INPUT'],
      ['an intake e-mail that is no address', { intakeEmail: 'intake desk' }, 'BAD_USER_INPUT'],
      ['a latitude without a longitude', { latitude: 52.5 }, 'BAD_USER_INPUT'],
      ['a postal code that is not Dutch', { postalCode: 'SW1A 1AA' }, 'BAD_USER_INPUT'],
    ])('refuses %s with a clear error and changes nothing', async (_label, change, code) => {
      const before = await profileOf(orgA);
      const res = await partners.gql({ query: UPDATE_PROFILE, variables: { input: { organisationId: orgA, ...change } } }, adminA);
      expect(errorCodes(res)).toEqual([code]);
      expect(res.body?.errors?.[0]?.message).toBeTruthy();
      expect(await profileOf(orgA)).toEqual(before);
    });

    it('creates a missing profile on the first edit, which needs a province and a city', async () => {
      const orgC = randomUUID();
      const adminC = caller(orgC, ['PARTNER_ADMIN']);
      const incomplete = await partners.gql({ query: UPDATE_PROFILE, variables: { input: { organisationId: orgC, city: 'Assen' } } }, adminC);
      expect(errorCodes(incomplete)).toEqual(['BAD_USER_INPUT']);
      expect(await partners.db.organisationProfile.findUnique({ where: { organisationId: orgC } })).toBeNull();

      const res = await partners.gql(
        { query: UPDATE_PROFILE, variables: { input: { organisationId: orgC, city: 'Assen', province: 'DRENTHE' } } },
        adminC,
      );
      expect(res.body?.data?.updateOrganisationProfile).toMatchObject({ city: 'Assen', province: 'DRENTHE', acceptingReferrals: true });
      await partners.admin.organisationProfile.delete({ where: { organisationId: orgC } });
    });
  });

  describe('editing a service', () => {
    it("lets a partner admin edit their own organisation's service", async () => {
      const res = await partners.gql(
        { query: UPDATE_SERVICE, variables: { input: { id: serviceA, name: 'Shelter A rooms', maxAge: null } } },
        adminA,
      );
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.updateService).toEqual({
        id: serviceA,
        type: 'SHELTER',
        name: 'Shelter A rooms',
        province: 'OVERIJSSEL',
        minAge: 12,
        maxAge: null,
      });
      expect((await serviceRow(serviceA)).updatedByUserId).toBe(adminA.subject);
      // Who and when is readable by every member (the directory keeps who changed it last).
      const read = await partners.gql({ query: `query ($id: ID!) { service(id: $id) { updatedAt updatedBy { id } } }`, variables: { id: serviceA } }, staffA);
      expect(read.body?.data?.service.updatedBy).toEqual({ id: adminA.subject });
      expect(Date.now() - new Date(read.body?.data?.service.updatedAt).getTime()).toBeLessThan(60_000);
    });

    it("refuses a partner admin editing another organisation's service, and changes nothing", async () => {
      const before = await serviceRow(serviceB);
      const res = await partners.gql({ query: UPDATE_SERVICE, variables: { input: { id: serviceB, name: 'Taken over' } } }, adminA);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(await serviceRow(serviceB)).toEqual(before);
    });

    it('refuses partner staff editing a service of their own organisation', async () => {
      const before = await serviceRow(serviceA);
      const res = await partners.gql({ query: UPDATE_SERVICE, variables: { input: { id: serviceA, name: 'Staff edit' } } }, staffA);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(await serviceRow(serviceA)).toEqual(before);
    });

    it.each([
      ['a lower age bound above the current upper bound', { minAge: 30, maxAge: 20 }],
      ['a lower age bound above the stored upper bound', { minAge: 99 }],
      ['a negative age', { minAge: -1 }],
      ['an unknown service type', { type: 'TELEPORTATION' }],
      ['an empty name', { name: '' }],
      ['a null type', { type: null }],
      ['an upper age bound above 120', { maxAge: 121 }],
      ['a language that is no ISO 639-1 code', { languages: ['xx'] }],
      ['an unknown gender', { genders: ['ANY_OTHER'] }],
      ['an unknown exploitation type', { exploitationTypes: ['FINANCIAL'] }],
      ['a longitude out of range', { latitude: 52, longitude: 200 }],
    ])('refuses %s and changes nothing', async (_label, change) => {
      await partners.admin.service.update({ where: { id: serviceA }, data: { minAge: 12, maxAge: 23 } });
      const before = await serviceRow(serviceA);
      const res = await partners.gql({ query: UPDATE_SERVICE, variables: { input: { id: serviceA, ...change } } }, adminA);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(await serviceRow(serviceA)).toEqual(before);
    });

    it("lets a partner admin set their own service's eligibility and location, and records who did", async () => {
      const input = {
        id: serviceA,
        genders: ['FEMALE', 'NON_BINARY', 'FEMALE'],
        languages: [' NL ', 'ro'],
        exploitationTypes: ['SEXUAL'],
        exclusions: 'No active psychosis',
        city: 'Deventer',
        latitude: 52.25,
        longitude: 6.16,
      };
      const query = `mutation ($input: UpdateServiceInput!) { updateService(input: $input) {
        genders languages exploitationTypes exclusions acceptsMinors city latitude longitude } }`;
      const res = await partners.gql({ query, variables: { input } }, adminA);
      expect(res.body?.errors).toBeUndefined();
      expect(res.body?.data?.updateService).toEqual({
        genders: ['FEMALE', 'NON_BINARY'],
        languages: ['nl', 'ro'],
        exploitationTypes: ['SEXUAL'],
        exclusions: 'No active psychosis',
        acceptsMinors: true,
        city: 'Deventer',
        latitude: 52.25,
        longitude: 6.16,
      });
      expect((await serviceRow(serviceA)).updatedByUserId).toBe(adminA.subject);
    });

    it("refuses a partner admin changing another organisation's eligibility, and changes nothing", async () => {
      const before = await serviceRow(serviceB);
      const res = await partners.gql(
        { query: UPDATE_SERVICE, variables: { input: { id: serviceB, genders: ['MALE'], minAge: 18 } } },
        adminA,
      );
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(await serviceRow(serviceB)).toEqual(before);
    });

    it("lets a network admin change any service's eligibility and records who did", async () => {
      const res = await partners.gql({ query: UPDATE_SERVICE, variables: { input: { id: serviceB, minAge: 18 } } }, networkAdmin);
      expect(res.body?.data?.updateService?.minAge).toBe(18);
      expect((await serviceRow(serviceB)).updatedByUserId).toBe(networkAdmin.subject);
    });

    it('answers NOT_FOUND for a service that does not exist', async () => {
      const res = await partners.gql({ query: UPDATE_SERVICE, variables: { input: { id: randomUUID(), name: 'x' } } }, networkAdmin);
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    });
  });

  describe('the gateway boundary', () => {
    it('refuses a request without a gateway assertion with 401, also for _service', async () => {
      for (const query of ['{ services { id } }', '{ _service { sdl } }']) {
        const res = await postWithoutAssertion(partners.url, partners.keys, { query }, coordinator);
        expect(res.status).toBe(401);
        expect(res.body?.data).toBeUndefined();
      }
    });

    it('refuses an assertion signed by the wrong key', async () => {
      const forged = { ...partners.keys, gateway: partners.keys.cases };
      const res = await postGraphql(partners, forged, { query: '{ services { id } }' }, coordinator);
      expect(res.status).toBe(401);
    });
  });
});

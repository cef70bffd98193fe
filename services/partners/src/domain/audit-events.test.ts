import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@haven/kit/src/audit/verify';
import { withClient } from '@haven/kit/src/db/with-client';
import { AppError } from '@haven/kit/src/errors';
import { createIsolatedDatabase, type IsolatedDatabase } from '@haven/kit/src/testing/db';
import { caller } from '@haven/kit/src/testing/test-subgraph';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { createPartnersDb, type PartnersDb } from '../db';
import { createTestService, setTestCapacity } from '../test-fixtures';
import { holdSlot } from './hold-slot';
import { releaseSlot } from './release-slot';
import { updateCapacity } from './update-capacity';
import { updateOrganisationProfile } from './update-organisation-profile';
import { createService } from './create-service';
import { updateService } from './update-service';

// Every state change of partners writes its audit event in its own transaction; a refused change writes none.
// A database of its own, so the chain checked at the end holds only what these tests wrote.

jest.setTimeout(60_000);

let isolated: IsolatedDatabase;
let db: PartnersDb;
let admin: PartnersDb;

beforeAll(async () => {
  isolated = await createIsolatedDatabase(['partners']);
  db = createPartnersDb(isolated.appUrl('partners'), 4);
  admin = createPartnersDb(isolated.adminUrl, 2);
});
afterAll(async () => {
  await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
  await isolated?.drop();
});

/** The stored events of one request id, as the admin sees them (the partners role may not read the log). */
async function eventsOf(requestId: string) {
  const { rows } = await withClient(isolated.adminUrl, (client) =>
    client.query(
      `SELECT "action", "part", "requestId", "actorKind", "actorUserId", "actorOrganisationId", "actorRole", "onBehalfOfOrganisationId",
              "caseId", "caseOrganisationId", "referralId", "subjectId", "categories", "purpose", "consentRecordId", "emergencyGrantId", "emergencyReason"
         FROM "audit"."AuditEvent" WHERE "requestId" = $1 ORDER BY "seq"`,
      [requestId],
    ),
  );
  return rows;
}

const NOTHING_ELSE = {
  onBehalfOfOrganisationId: null,
  caseId: null,
  caseOrganisationId: null,
  categories: [],
  purpose: null,
  consentRecordId: null,
  emergencyGrantId: null,
  emergencyReason: null,
};

function asUser(who: Identity) {
  return { actorKind: 'user', actorUserId: who.subject, actorOrganisationId: who.organisationId, actorRole: who.roles.join(',') };
}

async function failsWith(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => 'no error',
    (error) => (error instanceof AppError ? error.extensions.code : error),
  );
}

describe('partners audit events', () => {
  test('updateCapacity by partner staff records capacity.update for the service', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    const staff = caller(organisationId, ['PARTNER_STAFF']);
    const requestId = randomUUID();
    await updateCapacity(db, staff, { serviceId, totalSlots: 4, paused: false, waitlistLength: 1 }, requestId);
    expect(await eventsOf(requestId)).toEqual([
      { action: 'capacity.update', part: 'partners', requestId, ...asUser(staff), referralId: null, subjectId: serviceId, ...NOTHING_ELSE },
    ]);
  });

  test('updateCapacity by an integration names its token, not a user', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    const tokenId = randomUUID();
    const integration: Identity = { subject: tokenId, kind: 'integration', sessionId: tokenId, organisationId, roles: [], scopes: ['capacity:write'] };
    const requestId = randomUUID();
    await updateCapacity(db, integration, { serviceId, totalSlots: 2, paused: true, waitlistLength: 0 }, requestId);
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({ action: 'capacity.update', actorKind: 'integration', actorUserId: tokenId, actorOrganisationId: organisationId, actorRole: null, subjectId: serviceId }),
    ]);
  });

  test('a refused capacity change (total below held slots) writes no event', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 2 });
    await holdSlot(db, { userId: randomUUID(), part: 'cases' }, { serviceId, referralId: randomUUID() });
    const requestId = randomUUID();
    const staff = caller(organisationId, ['PARTNER_STAFF']);
    expect(await failsWith(updateCapacity(db, staff, { serviceId, totalSlots: 0, paused: false, waitlistLength: 0 }, requestId))).toBe('CONFLICT');
    expect(await eventsOf(requestId)).toEqual([]);
  });

  test('updateOrganisationProfile records directory.profile.update for the organisation; an invalid edit none', async () => {
    const { organisationId } = await createTestService(admin);
    const partnerAdmin = caller(organisationId, ['PARTNER_ADMIN']);
    const requestId = randomUUID();
    await updateOrganisationProfile(db, partnerAdmin, { organisationId, description: 'Intake on weekdays' }, requestId);
    expect(await eventsOf(requestId)).toEqual([
      { action: 'directory.profile.update', part: 'partners', requestId, ...asUser(partnerAdmin), referralId: null, subjectId: organisationId, ...NOTHING_ELSE },
    ]);

    const refused = randomUUID();
    expect(await failsWith(updateOrganisationProfile(db, partnerAdmin, { organisationId, intakeEmail: 'not an address' }, refused))).toBe('BAD_USER_INPUT');
    expect(await eventsOf(refused)).toEqual([]);
  });

  test('a network admin creating a profile is recorded too', async () => {
    const organisationId = randomUUID();
    const networkAdmin = caller(randomUUID(), ['NETWORK_ADMIN']);
    const requestId = randomUUID();
    await updateOrganisationProfile(db, networkAdmin, { organisationId, province: 'UTRECHT', city: 'Utrecht' }, requestId);
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({ action: 'directory.profile.update', actorRole: 'NETWORK_ADMIN', actorUserId: networkAdmin.subject, subjectId: organisationId }),
    ]);
  });

  test('updateService records directory.service.update for the service; a conflicting one rolls back with no event', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    const partnerAdmin = caller(organisationId, ['PARTNER_ADMIN']);
    const requestId = randomUUID();
    await updateService(db, partnerAdmin, { id: serviceId, name: 'Night shelter' }, requestId);
    expect(await eventsOf(requestId)).toEqual([
      { action: 'directory.service.update', part: 'partners', requestId, ...asUser(partnerAdmin), referralId: null, subjectId: serviceId, ...NOTHING_ELSE },
    ]);

    const forbidden = randomUUID();
    expect(await failsWith(updateService(db, caller(randomUUID(), ['PARTNER_ADMIN']), { id: serviceId, name: 'Taken over' }, forbidden))).toBe('FORBIDDEN');
    expect(await eventsOf(forbidden)).toEqual([]);
  });

  test('createService records directory.service.create for the new service; a refused or invalid one creates nothing and records nothing', async () => {
    const { organisationId } = await createTestService(admin);
    const partnerAdmin = caller(organisationId, ['PARTNER_ADMIN']);
    const requestId = randomUUID();
    const created = await createService(db, partnerAdmin, { organisationId, type: 'LEGAL_AID', name: '  Legal desk ', province: 'UTRECHT', languages: ['NL', 'en'] }, requestId);
    expect(created).toEqual(expect.objectContaining({ organisationId, type: 'LEGAL_AID', name: 'Legal desk', languages: ['nl', 'en'], updatedByUserId: partnerAdmin.subject }));
    expect(await eventsOf(requestId)).toEqual([
      { action: 'directory.service.create', part: 'partners', requestId, ...asUser(partnerAdmin), referralId: null, subjectId: created.id, ...NOTHING_ELSE },
    ]);
    // No capacity row: places are stated by the organisation, never assumed.
    expect(await admin.capacity.findUnique({ where: { serviceId: created.id } })).toBeNull();

    const before = await admin.service.count({ where: { organisationId } });
    const refused = randomUUID();
    expect(await failsWith(createService(db, caller(randomUUID(), ['PARTNER_ADMIN']), { organisationId, type: 'SHELTER', name: 'Taken over', province: 'UTRECHT' }, refused))).toBe('FORBIDDEN');
    expect(await failsWith(createService(db, caller(organisationId, ['PARTNER_STAFF']), { organisationId, type: 'SHELTER', name: 'Staff made', province: 'UTRECHT' }, refused))).toBe('FORBIDDEN');
    expect(await failsWith(createService(db, partnerAdmin, { organisationId, type: 'SHELTER', name: ' ', province: 'UTRECHT' }, refused))).toBe('BAD_USER_INPUT');
    expect(await failsWith(createService(db, partnerAdmin, { organisationId, type: 'SHELTER', name: 'Ages', province: 'UTRECHT', minAge: 30, maxAge: 18 }, refused))).toBe('BAD_USER_INPUT');
    expect(await admin.service.count({ where: { organisationId } })).toBe(before);
    expect(await eventsOf(refused)).toEqual([]);

    // An organisation without a directory profile cannot have services yet.
    const bare = randomUUID();
    expect(await failsWith(createService(db, caller(bare, ['PARTNER_ADMIN']), { organisationId: bare, type: 'SHELTER', name: 'Early', province: 'UTRECHT' }, refused))).toBe('CONFLICT');
  });

  test('hold and release record capacity.hold / capacity.release with the referral; a retry and a second release record nothing', async () => {
    const { organisationId, serviceId } = await createTestService(admin);
    await setTestCapacity(admin, serviceId, { totalSlots: 1 });
    const staff = caller(organisationId, ['PARTNER_STAFF']);
    const referralId = randomUUID();
    const holding = randomUUID();
    await holdSlot(db, { userId: staff.subject, part: 'cases', caller: staff, requestId: holding }, { serviceId, referralId });
    await holdSlot(db, { userId: staff.subject, part: 'cases', caller: staff, requestId: holding }, { serviceId, referralId });
    expect(await eventsOf(holding)).toEqual([
      { action: 'capacity.hold', part: 'partners', requestId: holding, ...asUser(staff), referralId, subjectId: serviceId, ...NOTHING_ELSE },
    ]);

    const full = randomUUID();
    expect(await failsWith(holdSlot(db, { userId: staff.subject, part: 'cases', caller: staff, requestId: full }, { serviceId, referralId: randomUUID() }))).toBe('CAPACITY_FULL');
    expect(await eventsOf(full)).toEqual([]);

    // The cases service's reconciliation job acts for nobody: the system released it.
    const releasing = randomUUID();
    expect(await releaseSlot(db, { userId: null, part: 'cases', caller: null, requestId: releasing }, { referralId })).toEqual({ released: true });
    expect(await releaseSlot(db, { userId: null, part: 'cases', caller: null, requestId: releasing }, { referralId })).toEqual({ released: false });
    expect(await eventsOf(releasing)).toEqual([
      {
        action: 'capacity.release',
        part: 'partners',
        requestId: releasing,
        actorKind: 'system',
        actorUserId: null,
        actorOrganisationId: null,
        actorRole: null,
        referralId,
        subjectId: serviceId,
        ...NOTHING_ELSE,
      },
    ]);
  });

  test('the chain is whole after all of the above', async () => {
    expect(await verifyAuditChain(isolated.adminUrl)).toMatchObject({ ok: true });
    const { rows } = await withClient(isolated.adminUrl, (client) => client.query(`SELECT count(*)::int AS n FROM "audit"."AuditEvent"`));
    // capacity.update ×2, profile ×2, service update ×1 and create ×1, hold ×2 (fixture hold + tested hold), release ×1.
    expect(rows[0].n).toBe(9);
  });
});

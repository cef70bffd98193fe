import { randomUUID } from 'node:crypto';
import { createLogger } from '@haven/kit/src/log';
import { caller, startTestSubgraph } from '@haven/kit/src/testing/test-subgraph';
import { createIsolatedDatabase, type IsolatedDatabase } from '@haven/kit/src/testing/db';
import { generateKeySet, partKeysFromSet } from '@haven/kit/src/trust/keys';
import { signIdentity } from '@haven/kit/src/trust/tokens';
import { callInternal } from '@haven/kit/src/http/internal-client';
import { createPartnersDb } from '@haven/partners/src/db';
import { createPartnersServer } from '@haven/partners/src/server';
import { createTestService, setTestCapacity } from '@haven/partners/src/test-fixtures';
import { createCasesDb, type CasesDb } from '../db';
import type { PartnersCall } from '../domain/referrals/partners-client';
import { createTestCase, createTestReferral } from '../test-fixtures';
import { expireOverdueReferrals } from './expire-referrals';
import { HOLD_GRACE_MS, reconcileHolds } from './reconcile-holds';
import { reportPendingResponses } from './report-responses';

// The cases jobs against real PostgreSQL and the real partners subgraph (signed as cases signs), in a
// database of their own: a job acts on every row it finds, and must not touch other test files' holds.

jest.setTimeout(60_000);

const keys = generateKeySet();
let database: IsolatedDatabase;
let partners: Awaited<ReturnType<typeof startPartners>>;
let db: CasesDb;
let admin: CasesDb;
let call: PartnersCall;
const startPartners = () => startTestSubgraph({ name: 'partners', createDb: createPartnersDb, createServer: createPartnersServer, keys, database });
const coordinatingOrganisationId = randomUUID();

beforeAll(async () => {
  database = await createIsolatedDatabase(['cases', 'partners']);
  partners = await startPartners();
  db = createCasesDb(database.appUrl('cases'), 10);
  admin = createCasesDb(database.adminUrl, 2);
  call = { keys: partKeysFromSet(keys, 'cases'), partnersUrl: partners.url, identityToken: null, log: createLogger({}, () => undefined) };
});
afterAll(async () => {
  await partners?.close();
  await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
  await database?.drop();
});

async function overdueReferral(serviceId: string, organisationId: string) {
  const kase = await createTestCase(admin, { coordinatingOrganisationId });
  const referral = await createTestReferral(admin, { caseId: kase.id, organisationId, coordinatingOrganisationId, serviceId, deadlineAt: new Date(Date.now() - 60_000) });
  return admin.referral.update({ where: { id: referral.id }, data: { sentAt: new Date(Date.now() - 3 * 3_600_000) } });
}

describe('expireOverdueReferrals', () => {
  it('expires each overdue referral once even with three instances at once, escalates it and reports the expiry', async () => {
    const { serviceId, organisationId } = await createTestService(partners.admin);
    const due = await Promise.all(Array.from({ length: 12 }, () => overdueReferral(serviceId, organisationId)));
    const kase = await createTestCase(admin, { coordinatingOrganisationId });
    const notDue = await createTestReferral(admin, { caseId: kase.id, organisationId, coordinatingOrganisationId, serviceId });

    const counts = await Promise.all([1, 2, 3].map(() => expireOverdueReferrals(db, call, { batchSize: 5 })));
    while ((await expireOverdueReferrals(db, call, { batchSize: 5 })) > 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(12);

    const ids = due.map((r) => r.id);
    const rows = await admin.referral.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.state === 'EXPIRED' && r.responseReportedAt !== null)).toBe(true);
    expect(await admin.timelineEvent.count({ where: { referralId: { in: ids }, kind: 'REFERRAL_EXPIRED' } })).toBe(12);
    expect(await admin.timelineEvent.count({ where: { referralId: { in: ids }, kind: 'REFERRAL_ESCALATED' } })).toBe(12);
    expect((await admin.referral.findUniqueOrThrow({ where: { id: notDue.id } })).state).toBe('SENT');
    const reported = await partners.admin.referralResponse.findMany({ where: { referralId: { in: ids } } });
    expect(reported.map((r) => r.outcome)).toEqual(Array(12).fill('EXPIRED'));
  });
});

describe('reconcileHolds', () => {
  it('releases slots of referrals that no longer hold one, keeps live ones and fresh ones', async () => {
    const { serviceId, organisationId } = await createTestService(partners.admin);
    await setTestCapacity(partners.admin, serviceId, { totalSlots: 5 });
    const kase = await createTestCase(admin, { coordinatingOrganisationId });
    const accepted = await createTestReferral(admin, { caseId: kase.id, organisationId, coordinatingOrganisationId, serviceId, state: 'ACCEPTED' });
    const withdrawn = await createTestReferral(admin, { caseId: kase.id, organisationId, coordinatingOrganisationId, serviceId, state: 'WITHDRAWN' });
    const neverCommitted = randomUUID();
    const identityToken = await signIdentity(keys.identity.privateKey, caller(organisationId, ['PARTNER_STAFF']));
    for (const referralId of [accepted.id, withdrawn.id, neverCommitted]) {
      await callInternal({ keys: call.keys, target: 'partners', baseUrl: partners.url, route: 'hold-slot', body: { serviceId, referralId }, identityToken });
    }
    // Fresh holds are left alone (an acceptance may still be committing).
    expect(await reconcileHolds(db, call)).toBe(0);
    const later = () => Date.now() + HOLD_GRACE_MS + 1_000;
    expect(await reconcileHolds(db, call, later)).toBe(2);
    const live = await partners.admin.capacityHold.findMany({ where: { serviceId, releasedAt: null } });
    expect(live.map((h) => h.referralId)).toEqual([accepted.id]);
    expect((await partners.admin.capacity.findUniqueOrThrow({ where: { serviceId } })).heldSlots).toBe(1);
    expect(await reconcileHolds(db, call, later)).toBe(0);
  });
});

describe('reportPendingResponses', () => {
  it('sends answers whose report was lost, once', async () => {
    const { serviceId, organisationId } = await createTestService(partners.admin);
    const kase = await createTestCase(admin, { coordinatingOrganisationId });
    const declined = await createTestReferral(admin, { caseId: kase.id, organisationId, coordinatingOrganisationId, serviceId, state: 'DECLINED' });
    await admin.referral.update({ where: { id: declined.id }, data: { respondedAt: new Date(), declineReason: 'NO_CAPACITY' } });
    await reportPendingResponses(db, call);
    expect((await partners.admin.referralResponse.findUniqueOrThrow({ where: { referralId: declined.id } })).outcome).toBe('DECLINED');
    expect((await admin.referral.findUniqueOrThrow({ where: { id: declined.id } })).responseReportedAt).not.toBeNull();
  });

  it('keeps an answer pending while partners does not answer', async () => {
    const kase = await createTestCase(admin, { coordinatingOrganisationId });
    const accepted = await createTestReferral(admin, { caseId: kase.id, organisationId: randomUUID(), coordinatingOrganisationId, state: 'ACCEPTED' });
    await admin.referral.update({ where: { id: accepted.id }, data: { respondedAt: new Date() } });
    await reportPendingResponses(db, { ...call, partnersUrl: 'http://127.0.0.1:9/graphql' });
    expect((await admin.referral.findUniqueOrThrow({ where: { id: accepted.id } })).responseReportedAt).toBeNull();
  });
});

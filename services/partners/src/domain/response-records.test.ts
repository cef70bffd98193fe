import { randomUUID } from 'node:crypto';
import { AppError } from '@haven/kit/src/errors';
import { testDatabase } from '@haven/kit/src/testing/db';
import { createPartnersDb, type PartnersDb } from '../db';
import { createTestService } from '../test-fixtures';
import { recordResponse, type ResponseOutcome } from './record-response';
import { loadResponseRecords } from './response-records';

// Response records against real PostgreSQL, as the service's own role: recording is idempotent by
// referral, and the aggregate gives the rate and median the ranking scores.

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

let db: PartnersDb;
let admin: PartnersDb;
beforeAll(() => {
  db = createPartnersDb(testDatabase().appUrl('partners'), 10);
  admin = createPartnersDb(testDatabase().adminUrl, 2);
});
afterAll(async () => {
  await Promise.all([db?.$disconnect(), admin?.$disconnect()]);
});

function report(serviceId: string, outcome: ResponseOutcome, answeredAfterHours: number, referralId = randomUUID(), sentHoursAgo = 100) {
  return recordResponse(db, 'cases', {
    referralId,
    serviceId,
    outcome,
    sentAt: hoursAgo(sentHoursAgo),
    respondedAt: hoursAgo(sentHoursAgo - answeredAfterHours),
  });
}
const codeOf = (error: unknown) => (error instanceof AppError ? error.extensions.code : String(error));

describe('recordResponse', () => {
  it('records the organisation of the service, not one the caller names', async () => {
    const { serviceId, organisationId } = await createTestService(admin);
    const referralId = randomUUID();
    expect(await report(serviceId, 'ACCEPTED', 2, referralId)).toEqual({ recorded: true });
    const row = await admin.referralResponse.findUniqueOrThrow({ where: { referralId } });
    expect([row.organisationId, row.outcome, row.recordedByPart]).toEqual([organisationId, 'ACCEPTED', 'cases']);
  });

  it('is idempotent: 20 concurrent identical reports make one row', async () => {
    const { serviceId } = await createTestService(admin);
    const referralId = randomUUID();
    const input = { referralId, serviceId, outcome: 'DECLINED', sentAt: hoursAgo(10), respondedAt: hoursAgo(9) };
    const results = await Promise.all(Array.from({ length: 20 }, () => recordResponse(db, 'cases', input)));
    expect(results.filter((r) => r.recorded)).toHaveLength(1);
    expect(await admin.referralResponse.count({ where: { referralId } })).toBe(1);
  });

  it('refuses a different answer for an answered referral with CONFLICT and keeps the first', async () => {
    const { serviceId } = await createTestService(admin);
    const referralId = randomUUID();
    await report(serviceId, 'ACCEPTED', 1, referralId);
    expect(codeOf(await report(serviceId, 'DECLINED', 1, referralId).catch((e) => e))).toBe('CONFLICT');
    expect((await admin.referralResponse.findUniqueOrThrow({ where: { referralId } })).outcome).toBe('ACCEPTED');
  });

  it('refuses bad input with a typed error and records nothing', async () => {
    const { serviceId } = await createTestService(admin);
    const referralId = randomUUID();
    const valid = { referralId, serviceId, outcome: 'ACCEPTED', sentAt: hoursAgo(5), respondedAt: hoursAgo(4) };
    const cases: [string, Record<string, unknown>][] = [
      ['referralId', { referralId: 'x' }],
      ['serviceId', { serviceId: 42 }],
      ['outcome', { outcome: 'MAYBE' }],
      ['sentAt', { sentAt: 'yesterday' }],
      ['respondedAt', { respondedAt: hoursAgo(6) }],
      ['respondedAt', { respondedAt: new Date(Date.now() + 24 * HOUR).toISOString() }],
    ];
    for (const [field, change] of cases) {
      const error = await recordResponse(db, 'cases', { ...valid, ...change }).catch((e) => e);
      expect([codeOf(error), error.extensions.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    expect(codeOf(await recordResponse(db, 'cases', { ...valid, serviceId: randomUUID() }).catch((e) => e))).toBe('NOT_FOUND');
    expect(await admin.referralResponse.count({ where: { referralId } })).toBe(0);
  });
});

describe('loadResponseRecords', () => {
  it('gives the share accepted (expired counts as not accepted) and the median hours to answer', async () => {
    const { serviceId, organisationId } = await createTestService(admin);
    await report(serviceId, 'ACCEPTED', 1);
    await report(serviceId, 'ACCEPTED', 3);
    await report(serviceId, 'DECLINED', 5);
    await report(serviceId, 'EXPIRED', 72);
    const records = await loadResponseRecords(db, [organisationId]);
    const record = records.get(organisationId)!;
    expect(record.decided).toBe(4);
    expect(record.acceptanceRate).toBeCloseTo(0.5);
    expect(record.medianResponseHours).toBeCloseTo(4);
  });

  it('leaves out organisations without history and answers older than the window', async () => {
    const { serviceId, organisationId } = await createTestService(admin);
    const other = await createTestService(admin);
    await report(serviceId, 'DECLINED', 2, randomUUID(), 24 * 400);
    const records = await loadResponseRecords(db, [organisationId, other.organisationId]);
    expect(records.size).toBe(0);
    expect(await loadResponseRecords(db, [])).toEqual(new Map());
  });
});

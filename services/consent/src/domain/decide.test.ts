import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from '../generated/prisma/client';
import { consentRecordFixture } from '../test-support';
import { decide, latestVersions, type ConsentQuestion } from './decide';

describe('the consent decision', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const caseId = randomUUID();
  const org = randomUUID();
  const otherOrg = randomUUID();
  const coordinatingOrg = randomUUID();
  const record = (overrides: Partial<ConsentRecord>) =>
    consentRecordFixture({
      caseId,
      recordedByOrganisationId: coordinatingOrg,
      recipientOrganisationIds: [org],
      categories: ['IDENTITY', 'CONTACT'],
      purposes: ['REFERRAL_CARE'],
      ...overrides,
    });
  const ask = (overrides: Partial<ConsentQuestion> = {}): ConsentQuestion => ({
    caseId,
    organisationId: org,
    category: 'CONTACT',
    purpose: 'REFERRAL_CARE',
    ...overrides,
  });

  it('allows a named organisation a covered category for a covered purpose, naming the deciding version', () => {
    const v1 = record({});
    expect(decide([ask()], [v1], now)).toEqual([{ allowed: true, recordId: v1.id }]);
  });

  it('refuses with no record at all, and for another case', () => {
    expect(decide([ask()], [], now)).toEqual([{ allowed: false, recordId: null }]);
    expect(decide([ask({ caseId: randomUUID() })], [record({})], now)).toEqual([{ allowed: false, recordId: null }]);
  });

  it('refuses an organisation that is not named, and allows any organisation under wholeNetwork', () => {
    expect(decide([ask({ organisationId: otherOrg })], [record({})], now)).toEqual([{ allowed: false, recordId: null }]);
    const whole = record({ wholeNetwork: true, recipientOrganisationIds: [] });
    expect(decide([ask({ organisationId: otherOrg })], [whole], now)).toEqual([{ allowed: true, recordId: whole.id }]);
  });

  it('refuses a category the record does not cover; category null means any category', () => {
    const v1 = record({});
    expect(decide([ask({ category: 'HEALTH' }), ask({ category: null })], [v1], now)).toEqual([
      { allowed: false, recordId: null },
      { allowed: true, recordId: v1.id },
    ]);
  });

  it('refuses a purpose the record does not cover', () => {
    expect(decide([ask({ purpose: 'STATISTICS' })], [record({})], now)).toEqual([{ allowed: false, recordId: null }]);
  });

  it('respects the validity window: not yet valid, valid from exactly now, expired, ending exactly now', () => {
    const future = record({ validFrom: new Date('2026-06-02T00:00:00Z') });
    const startsNow = record({ validFrom: now });
    const expired = record({ validUntil: new Date('2026-05-31T00:00:00Z') });
    const endsNow = record({ validUntil: now });
    const answers = [future, startsNow, expired, endsNow].map((row) => decide([ask()], [row], now)[0]!.allowed);
    expect(answers).toEqual([false, true, false, false]);
  });

  it('a withdrawn latest version hides the older active ones, whatever the row order', () => {
    const recordId = randomUUID();
    const v1 = record({ recordId, version: 1 });
    const v2 = record({ recordId, version: 2, status: 'WITHDRAWN' });
    expect(decide([ask()], [v1, v2], now)).toEqual([{ allowed: false, recordId: null }]);
    expect(decide([ask()], [v2, v1], now)).toEqual([{ allowed: false, recordId: null }]);
  });

  it('a narrowed latest version decides: the removed organisation is refused, the remaining one allowed by the new version', () => {
    const recordId = randomUUID();
    const v1 = record({ recordId, version: 1, recipientOrganisationIds: [org, otherOrg] });
    const v2 = record({ recordId, version: 2, recipientOrganisationIds: [otherOrg] });
    expect(decide([ask(), ask({ organisationId: otherOrg })], [v2, v1], now)).toEqual([
      { allowed: false, recordId: null },
      { allowed: true, recordId: v2.id },
    ]);
  });

  it('another active record still allows when one record is withdrawn; the most recently recorded one is named', () => {
    const withdrawnId = randomUUID();
    const older = record({ createdAt: new Date('2026-01-01T00:00:00Z') });
    const newer = record({ createdAt: new Date('2026-02-01T00:00:00Z') });
    const gone = [record({ recordId: withdrawnId, version: 1 }), record({ recordId: withdrawnId, version: 2, status: 'WITHDRAWN' })];
    expect(decide([ask()], [older, ...gone, newer], now)).toEqual([{ allowed: true, recordId: newer.id }]);
    expect(decide([ask()], [newer, older, ...gone], now)).toEqual([{ allowed: true, recordId: newer.id }]);
  });

  it('answers every question of a batch in order', () => {
    const v1 = record({});
    const questions = [ask(), ask({ organisationId: otherOrg }), ask({ category: 'IDENTITY' }), ask({ purpose: 'STATISTICS' })];
    expect(decide(questions, [v1], now).map((a) => a.allowed)).toEqual([true, false, true, false]);
  });

  it('latestVersions keeps the highest version of each record', () => {
    const a = randomUUID();
    const b = randomUUID();
    const rows = [record({ recordId: a, version: 2 }), record({ recordId: b, version: 1 }), record({ recordId: a, version: 3 }), record({ recordId: a, version: 1 })];
    expect(latestVersions(rows).map((row) => [row.recordId, row.version])).toEqual([
      [a, 3],
      [b, 1],
    ]);
  });
});

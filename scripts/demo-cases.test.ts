import { REFERENCE_PATTERN } from '@haven/cases/src/domain/create-case';
import { buildDemoCases, DEMO_DEADLINE_HOURS, DEMO_HOLDING_STATES, liveHoldsPerService } from './demo-cases';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { buildDemoNetwork } from './demo-network';

const network = buildDemoNetwork();
const now = new Date('2026-11-30T12:00:00Z');
const data = buildDemoCases(network, now);
const HOUR = 60 * 60 * 1000;
const orgOf = (email: string) => network.users.find((u) => u.email === email)!.memberships[0]!.organisationId;

describe('buildDemoCases', () => {
  it('is deterministic: the same ids and references on every build', () => {
    const again = buildDemoCases(network, now);
    expect(again.cases.map((c) => [c.id, c.reference])).toEqual(data.cases.map((c) => [c.id, c.reference]));
    expect(new Set(data.cases.map((c) => c.reference)).size).toBe(data.cases.length);
    for (const c of data.cases) expect(c.reference).toMatch(REFERENCE_PATTERN);
  });

  it('covers urgencies, minors, genders and gazetteer places', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(12);
    expect(new Set(data.cases.map((c) => c.urgency))).toEqual(new Set(['IMMEDIATE', 'URGENT', 'STANDARD']));
    expect(data.cases.filter((c) => c.urgency === 'IMMEDIATE').length).toBeGreaterThanOrEqual(2);
    expect(data.cases.some((c) => c.ageGroup === 'UNDER_16')).toBe(true);
    expect(data.cases.some((c) => c.ageGroup === 'AGE_16_17')).toBe(true);
    expect(new Set(data.cases.map((c) => c.gender))).toEqual(new Set(['FEMALE', 'MALE', 'NON_BINARY']));
    expect(data.cases.some((c) => c.status === 'CLOSED')).toBe(true);
    for (const c of data.cases) expect(findPlace(c.place)).toBeTruthy();
  });

  it('has referrals in every state that matters for the demo, to the demo partners', () => {
    const states = new Set(data.referrals.map((r) => r.state));
    for (const state of ['SENT', 'ACCEPTED', 'IN_CARE', 'DECLINED', 'WITHDRAWN', 'CLOSED']) expect(states).toContain(state);
    const demoPartners = new Set([orgOf('staff@lantaarn-demo.example'), orgOf('staff@kompas-demo.example')]);
    expect(data.referrals.filter((r) => demoPartners.has(r.organisationId)).length).toBe(data.referrals.length - 1);
    for (const r of data.referrals.filter((x) => x.state === 'DECLINED')) expect(r.declineReason).not.toBeNull();
    for (const r of data.referrals.filter((x) => x.state === 'CLOSED')) expect(r.outcome).not.toBeNull();
    const withdrawn = data.timeline.find((e) => e.kind === 'REFERRAL_WITHDRAWN');
    expect(withdrawn?.reasonCode).toBe('PLACED_ELSEWHERE');
  });

  it('sets deadlines relative to the seeding time: one SENT overdue, one due within the hour', () => {
    const sent = data.referrals.filter((r) => r.state === 'SENT');
    expect(sent.some((r) => r.deadlineAt < now)).toBe(true);
    expect(sent.some((r) => r.deadlineAt > now && r.deadlineAt.getTime() - now.getTime() <= HOUR)).toBe(true);
    for (const r of data.referrals) {
      const urgency = data.cases.find((c) => c.id === r.caseId)!.urgency;
      expect(r.deadlineAt.getTime() - r.sentAt.getTime()).toBe(DEMO_DEADLINE_HOURS[urgency] * HOUR);
    }
    const later = buildDemoCases(network, new Date(now.getTime() + 24 * HOUR));
    expect(later.referrals[0]!.deadlineAt.getTime() - data.referrals[0]!.deadlineAt.getTime()).toBe(24 * HOUR);
  });

  it('gives every minor a guardian or another legal basis, and has one withdrawn and named-partner consent', () => {
    const minors = data.cases.filter((c) => c.ageGroup === 'UNDER_16' || c.ageGroup === 'AGE_16_17');
    for (const minor of minors) {
      const records = data.consents.filter((r) => r.caseId === minor.id);
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) expect(r.legalBasis).not.toBe('CONSENT_CLIENT');
    }
    expect(data.consents.filter((r) => r.status === 'WITHDRAWN')).toHaveLength(1);
    expect(data.consents.some((r) => r.wholeNetwork)).toBe(true);
    expect(data.consents.some((r) => !r.wholeNetwork && r.recipientOrganisationIds.length > 0)).toBe(true);
  });

  it('has a hold for exactly the referrals that hold a slot, within each service capacity', () => {
    const holding = data.referrals.filter((r) => DEMO_HOLDING_STATES.includes(r.state)).map((r) => r.id).sort();
    expect(data.holds.filter((h) => !h.releasedAt).map((h) => h.referralId).sort()).toEqual(holding);
    for (const [serviceId, held] of liveHoldsPerService(data.holds)) {
      const capacity = network.capacities.find((c) => c.serviceId === serviceId)!;
      expect(capacity.paused).toBe(false);
      expect(held).toBeLessThanOrEqual(capacity.totalSlots);
    }
    // Every referral's service is the receiving organisation's and offers the referral's need.
    for (const r of data.referrals) {
      const service = network.services.find((s) => s.id === r.serviceId)!;
      expect([service.organisationId, service.type]).toEqual([r.organisationId, r.need]);
    }
  });

  it('writes a timeline event for every step and keeps personal data obviously fictional', () => {
    for (const r of data.referrals) {
      const kinds = data.timeline.filter((e) => e.referralId === r.id).map((e) => e.kind);
      expect(kinds[0]).toBe('REFERRAL_SENT');
      if (r.state !== 'SENT') expect(kinds.at(-1)).toBe(`REFERRAL_${r.state}`);
    }
    for (const c of data.cases) expect(data.timeline.filter((e) => e.caseId === c.id)[0]!.kind).toBe('CASE_OPENED');
    for (const v of data.vault.filter((x) => x.field === 'name')) expect(v.value).toMatch(/^Demo Persoon \d+$/);
    expect(new Set(data.timeline.map((e) => e.id)).size).toBe(data.timeline.length);
    expect(data.messages.length).toBeGreaterThan(0);
    expect(data.reads.length).toBeGreaterThan(0);
  });
});

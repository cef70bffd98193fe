import { randomUUID } from 'node:crypto';
import type { AppError } from '@haven/kit/src/errors';
import { consentRecordFixture } from '../test-support';
import { withdrawalOf } from './withdrawal';

describe('what a withdrawal appends', () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const latest = consentRecordFixture({
    caseId: randomUUID(),
    recordedByOrganisationId: randomUUID(),
    recipientOrganisationIds: [a, b],
    categories: ['IDENTITY', 'CONTACT', 'HEALTH'],
  });
  const fieldOf = (work: () => unknown) => {
    try {
      work();
      return null;
    } catch (error) {
      return ((error as AppError).extensions as { field?: string }).field;
    }
  };

  it('no scope withdraws the whole record, keeping what it withdrew', () => {
    expect(withdrawalOf(latest, null)).toEqual({ status: 'WITHDRAWN', content: expect.objectContaining({ recipientOrganisationIds: [a, b] }) });
    expect(withdrawalOf(latest, { organisationIds: [], categories: [] })?.status).toBe('WITHDRAWN');
  });

  it('an organisation scope removes those recipients and keeps the record active', () => {
    expect(withdrawalOf(latest, { organisationIds: [a] })).toEqual({
      status: 'ACTIVE',
      content: expect.objectContaining({ recipientOrganisationIds: [b], categories: ['IDENTITY', 'CONTACT', 'HEALTH'] }),
    });
  });

  it('a category scope removes those categories', () => {
    expect(withdrawalOf(latest, { categories: ['HEALTH', 'IDENTITY'] })).toEqual({
      status: 'ACTIVE',
      content: expect.objectContaining({ categories: ['CONTACT'], recipientOrganisationIds: [a, b] }),
    });
  });

  it('becomes WITHDRAWN when no recipient or no category would remain', () => {
    expect(withdrawalOf(latest, { organisationIds: [a, b] })?.status).toBe('WITHDRAWN');
    expect(withdrawalOf(latest, { categories: ['IDENTITY', 'CONTACT', 'HEALTH'] })?.status).toBe('WITHDRAWN');
  });

  it('changes nothing on a record that is already withdrawn', () => {
    expect(withdrawalOf({ ...latest, status: 'WITHDRAWN' }, null)).toBeNull();
    expect(withdrawalOf({ ...latest, status: 'WITHDRAWN' }, { organisationIds: [a] })).toBeNull();
  });

  it('refuses organisations or categories the record does not cover, and both at once', () => {
    expect(fieldOf(() => withdrawalOf(latest, { organisationIds: [c] }))).toBe('scope.organisationIds');
    expect(fieldOf(() => withdrawalOf(latest, { categories: ['CASE_NOTES'] }))).toBe('scope.categories');
    expect(fieldOf(() => withdrawalOf(latest, { organisationIds: [a], categories: ['HEALTH'] }))).toBe('scope');
  });

  it('refuses withdrawing one organisation from a whole-network record, explaining what to do instead', () => {
    const whole = { ...latest, wholeNetwork: true, recipientOrganisationIds: [] };
    expect(fieldOf(() => withdrawalOf(whole, { organisationIds: [a] }))).toBe('scope.organisationIds');
    expect(() => withdrawalOf(whole, { organisationIds: [a] })).toThrow(/withdraw the whole record, then record a new one/);
    expect(withdrawalOf(whole, { categories: ['HEALTH'] })?.status).toBe('ACTIVE');
  });
});

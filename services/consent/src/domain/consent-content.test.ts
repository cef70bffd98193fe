import { randomUUID } from 'node:crypto';
import type { AppError } from '@haven/kit/src/errors';
import { checkConsentContent, type ConsentInput } from './consent-content';

describe('checking what a consent says', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const adult = { age: 30, ageGroup: 'AGE_24_PLUS' as const };
  const org = randomUUID();
  const valid = (overrides: Partial<ConsentInput> = {}): ConsentInput => ({
    legalBasis: 'CONSENT_CLIENT',
    categories: ['IDENTITY', 'CONTACT'],
    wholeNetwork: false,
    recipientOrganisationIds: [org],
    purposes: ['REFERRAL_CARE'],
    givenBy: 'CLIENT',
    givenHow: 'WRITTEN',
    validUntil: null,
    ...overrides,
  });
  /** The refusal's field and message, or null when accepted. */
  function refusal(input: ConsentInput, subject: { age: number | null; ageGroup: 'UNDER_16' | 'AGE_16_17' | 'AGE_18_23' | 'AGE_24_PLUS' | null } = adult) {
    try {
      checkConsentContent(input, subject, now);
      return null;
    } catch (error) {
      const { code, field } = (error as AppError).extensions as { code: string; field: string };
      return { code, field, message: (error as Error).message };
    }
  }

  it('accepts an adult\'s own consent, starting now, without duplicates', () => {
    const content = checkConsentContent(valid({ categories: ['IDENTITY', 'IDENTITY'], recipientOrganisationIds: [org, org] }), adult, now);
    expect(content).toMatchObject({ categories: ['IDENTITY'], recipientOrganisationIds: [org], validFrom: now, validUntil: null, justification: null });
  });

  it.each([
    ['age 15', { age: 15, ageGroup: 'UNDER_16' as const }],
    ['age group under 16 without an exact age', { age: null, ageGroup: 'UNDER_16' as const }],
  ])("refuses the person's own consent under 16 (%s) on legalBasis, pointing to a guardian or another basis", (_name, subject) => {
    expect(refusal(valid(), subject)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'legalBasis',
      message: expect.stringMatching(/Under 16.*guardian.*justification/),
    });
  });

  it("refuses the person's own consent when neither age nor age group is known, saying they must be known to be 16+", () => {
    expect(refusal(valid(), { age: null, ageGroup: null })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'legalBasis',
      message: expect.stringMatching(/not known to be 16 or older/),
    });
  });

  it("accepts the person's own consent at 16, and from the age group 16–17 without an exact age", () => {
    expect(refusal(valid(), { age: 16, ageGroup: 'AGE_16_17' })).toBeNull();
    expect(refusal(valid(), { age: null, ageGroup: 'AGE_16_17' })).toBeNull();
  });

  it("accepts a guardian's consent, and a statutory basis with justification, for a 12-year-old", () => {
    const child = { age: 12, ageGroup: 'UNDER_16' as const };
    expect(refusal(valid({ legalBasis: 'CONSENT_GUARDIAN', givenBy: 'GUARDIAN' }), child)).toBeNull();
    expect(refusal(valid({ legalBasis: 'STATUTORY', givenBy: 'GUARDIAN', justification: 'Youth protection order (fictional)' }), child)).toBeNull();
  });

  it('requires givenBy to fit the basis', () => {
    expect(refusal(valid({ givenBy: 'GUARDIAN' }))).toMatchObject({ field: 'givenBy' });
    expect(refusal(valid({ legalBasis: 'CONSENT_GUARDIAN', givenBy: 'CLIENT' }))).toMatchObject({ field: 'givenBy' });
  });

  it.each(['STATUTORY', 'VITAL_INTEREST'] as const)('requires a written justification for %s (blank does not count)', (legalBasis) => {
    expect(refusal(valid({ legalBasis, justification: null }))).toMatchObject({ field: 'justification' });
    expect(refusal(valid({ legalBasis, justification: '   ' }))).toMatchObject({ field: 'justification' });
    expect(refusal(valid({ legalBasis, justification: 'Immediate danger (fictional)' }))).toBeNull();
  });

  it('refuses an over-long justification', () => {
    expect(refusal(valid({ justification: 'x'.repeat(2001) }))).toMatchObject({ field: 'justification' });
  });

  it('requires at least one category and one purpose', () => {
    expect(refusal(valid({ categories: [] }))).toMatchObject({ field: 'categories' });
    expect(refusal(valid({ purposes: [] }))).toMatchObject({ field: 'purposes' });
  });

  it('requires recipients: the whole network or at least one organisation, not both, as valid ids', () => {
    expect(refusal(valid({ recipientOrganisationIds: [] }))).toMatchObject({ field: 'recipientOrganisationIds' });
    expect(refusal(valid({ wholeNetwork: true }))).toMatchObject({ field: 'recipientOrganisationIds' });
    expect(refusal(valid({ recipientOrganisationIds: ['not-an-id'] }))).toMatchObject({ field: 'recipientOrganisationIds' });
    expect(refusal(valid({ wholeNetwork: true, recipientOrganisationIds: [] }))).toBeNull();
  });

  it('requires validUntil after validFrom', () => {
    expect(refusal(valid({ validUntil: now }))).toMatchObject({ field: 'validUntil' });
    expect(refusal(valid({ validFrom: new Date('2026-07-01T00:00:00Z'), validUntil: new Date('2026-06-15T00:00:00Z') }))).toMatchObject({ field: 'validUntil' });
    expect(refusal(valid({ validUntil: new Date('2026-06-02T00:00:00Z') }))).toBeNull();
  });
});

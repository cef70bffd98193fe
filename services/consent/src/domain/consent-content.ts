import { badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { DataCategory, GivenBy, GivenHow, LegalBasis, Purpose } from '../generated/prisma/client';
import { mayConsentAlone, type ConsentSubject } from './consent-subject';

/** What one version of a consent record says (everything but its identity and who recorded it). */
export interface ConsentContent {
  legalBasis: LegalBasis;
  justification: string | null;
  categories: DataCategory[];
  wholeNetwork: boolean;
  recipientOrganisationIds: string[];
  purposes: Purpose[];
  givenBy: GivenBy;
  givenHow: GivenHow;
  validFrom: Date;
  validUntil: Date | null;
}

/** As a coordinator enters it: validFrom may be left out (= now), the rest is checked here. */
export type ConsentInput = Omit<ConsentContent, 'validFrom' | 'justification'> & {
  justification?: string | null;
  validFrom?: Date | null;
};

const MAX_JUSTIFICATION = 2000;

/** Bases other than someone's consent stand only with a written justification (DESIGN.md). */
export const BASES_NEEDING_JUSTIFICATION: readonly LegalBasis[] = ['VITAL_INTEREST', 'STATUTORY'];

/**
 * Checks a new or amended consent against the rules of issue 5 and returns it normalised (no duplicates,
 * trimmed justification, validFrom filled in). Each refusal names its field, and its message says what
 * would be accepted instead; messages never quote the input.
 */
export function checkConsentContent(input: ConsentInput, subject: Pick<ConsentSubject, 'age' | 'ageGroup'>, now: Date): ConsentContent {
  const categories = unique(input.categories);
  if (categories.length === 0) throw badInput('categories', 'Choose at least one data category');
  const purposes = unique(input.purposes);
  if (purposes.length === 0) throw badInput('purposes', 'Choose at least one purpose');

  const recipients = unique(input.recipientOrganisationIds);
  if (!recipients.every(isUuid)) throw badInput('recipientOrganisationIds', 'A recipient organisation id is not a valid id');
  if (input.wholeNetwork && recipients.length > 0) {
    throw badInput('recipientOrganisationIds', 'Choose either the whole network or named organisations, not both');
  }
  if (!input.wholeNetwork && recipients.length === 0) {
    throw badInput('recipientOrganisationIds', 'Name at least one recipient organisation, or choose the whole network');
  }

  const justification = input.justification?.trim() || null;
  if (justification && justification.length > MAX_JUSTIFICATION) {
    throw badInput('justification', `The justification may be at most ${MAX_JUSTIFICATION} characters`);
  }
  if (!justification && BASES_NEEDING_JUSTIFICATION.includes(input.legalBasis)) {
    throw badInput('justification', 'This legal basis needs a written justification');
  }

  checkWhoGaveIt(input.legalBasis, input.givenBy, subject);

  const validFrom = input.validFrom ?? now;
  if (input.validUntil && input.validUntil.getTime() <= validFrom.getTime()) {
    throw badInput('validUntil', 'validUntil must be later than validFrom');
  }

  return {
    legalBasis: input.legalBasis,
    justification,
    categories,
    wholeNetwork: input.wholeNetwork,
    recipientOrganisationIds: recipients,
    purposes,
    givenBy: input.givenBy,
    givenHow: input.givenHow,
    validFrom,
    validUntil: input.validUntil ?? null,
  };
}

function checkWhoGaveIt(basis: LegalBasis, givenBy: GivenBy, subject: Pick<ConsentSubject, 'age' | 'ageGroup'>) {
  if (basis === 'CONSENT_CLIENT') {
    if (givenBy !== 'CLIENT') throw badInput('givenBy', "The person's own consent is given by the person (CLIENT)");
    if (!mayConsentAlone(subject)) {
      const known = subject.age !== null || subject.ageGroup !== null;
      throw badInput(
        'legalBasis',
        known
          ? "Under 16 the person's own consent is not enough: record a guardian's consent (CONSENT_GUARDIAN) or another legal basis with a written justification"
          : "The person is not known to be 16 or older (no age on the case): record their age first, or a guardian's consent (CONSENT_GUARDIAN), or another legal basis with a written justification",
      );
    }
  }
  if (basis === 'CONSENT_GUARDIAN' && givenBy !== 'GUARDIAN') {
    throw badInput('givenBy', "A guardian's consent is given by the guardian (GUARDIAN)");
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

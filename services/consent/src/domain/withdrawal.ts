import { badInput } from '@haven/kit/src/errors';
import type { ConsentRecord, DataCategory } from '../generated/prisma/client';
import type { ConsentContent } from './consent-content';

/** What to withdraw: nothing named = the whole record; else some recipients, or some categories. */
export interface WithdrawalScope {
  organisationIds?: readonly string[] | null;
  categories?: readonly DataCategory[] | null;
}

export interface NextVersion {
  status: 'ACTIVE' | 'WITHDRAWN';
  content: ConsentContent;
}

/**
 * The version a withdrawal appends after `latest`, or null when nothing is left to withdraw (the record
 * is already withdrawn: a repeated withdrawal changes nothing). A withdrawn version keeps the content it
 * withdrew, so the history shows what stopped; a narrowing keeps the record ACTIVE without the removed
 * recipients or categories, and becomes WITHDRAWN when nothing would remain.
 *
 * Not modelled, on purpose: exclusions from a whole-network record (withdraw it whole and record a
 * narrower one), and "these categories for these organisations" in one step (one record cannot say it).
 */
export function withdrawalOf(latest: ConsentRecord, scope: WithdrawalScope | null | undefined): NextVersion | null {
  if (latest.status === 'WITHDRAWN') return null;
  const content = contentOf(latest);
  const organisationIds = [...new Set(scope?.organisationIds ?? [])];
  const categories = [...new Set(scope?.categories ?? [])];
  if (organisationIds.length === 0 && categories.length === 0) return { status: 'WITHDRAWN', content };
  if (organisationIds.length > 0 && categories.length > 0) {
    throw badInput('scope', 'Withdraw either organisations or categories in one step, not both');
  }

  if (organisationIds.length > 0) {
    if (latest.wholeNetwork) {
      throw badInput(
        'scope.organisationIds',
        'This consent covers the whole network: withdraw the whole record, then record a new one for the organisations that keep it',
      );
    }
    if (!organisationIds.every((id) => latest.recipientOrganisationIds.includes(id))) {
      throw badInput('scope.organisationIds', 'An organisation in the scope is not a recipient of this consent');
    }
    const remaining = latest.recipientOrganisationIds.filter((id) => !organisationIds.includes(id));
    if (remaining.length === 0) return { status: 'WITHDRAWN', content };
    return { status: 'ACTIVE', content: { ...content, recipientOrganisationIds: remaining } };
  }

  if (!categories.every((category) => latest.categories.includes(category))) {
    throw badInput('scope.categories', 'A category in the scope is not covered by this consent');
  }
  const remaining = latest.categories.filter((category) => !categories.includes(category));
  if (remaining.length === 0) return { status: 'WITHDRAWN', content };
  return { status: 'ACTIVE', content: { ...content, categories: remaining } };
}

export function contentOf(row: ConsentRecord): ConsentContent {
  return {
    legalBasis: row.legalBasis,
    justification: row.justification,
    categories: row.categories,
    wholeNetwork: row.wholeNetwork,
    recipientOrganisationIds: row.recipientOrganisationIds,
    purposes: row.purposes,
    givenBy: row.givenBy,
    givenHow: row.givenHow,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

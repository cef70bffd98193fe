import type { ConsentRecord, DataCategory, Purpose } from '../generated/prisma/client';

/** One question the cases service asks: may this organisation see this (category of this) case for this purpose? */
export interface ConsentQuestion {
  caseId: string;
  organisationId: string;
  /** null = any category: whether the organisation is covered at all (sending a referral). */
  category: DataCategory | null;
  purpose: Purpose;
}

export interface ConsentAnswer {
  allowed: boolean;
  /** The id of the version that allowed it (a row id, not the recordId); null when refused. */
  recordId: string | null;
}

type DecidingFields = Pick<
  ConsentRecord,
  'id' | 'recordId' | 'version' | 'caseId' | 'status' | 'categories' | 'wholeNetwork' | 'recipientOrganisationIds' | 'purposes' | 'validFrom' | 'validUntil' | 'createdAt'
>;

/** Of every version given, only the highest version of each record counts: a change is a new version. */
export function latestVersions<Row extends Pick<ConsentRecord, 'recordId' | 'version'>>(rows: readonly Row[]): Row[] {
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const seen = latest.get(row.recordId);
    if (!seen || row.version > seen.version) latest.set(row.recordId, row);
  }
  return [...latest.values()];
}

/**
 * Answers each question from the versions of the cases asked about (any number of versions per record,
 * in any order). Allowed iff the latest version of some record is ACTIVE, valid at `now`
 * (validFrom <= now < validUntil, open-ended without validUntil) and covers the purpose, the category
 * (any category when the question names none) and the organisation (whole network, or named). A
 * withdrawn or narrowed latest version hides what older versions allowed. Several records allowing:
 * the most recently recorded one is named, so the answer does not depend on row order.
 */
export function decide<Row extends DecidingFields>(questions: readonly ConsentQuestion[], versions: readonly Row[], now: Date): ConsentAnswer[] {
  const at = now.getTime();
  const inForce = latestVersions(versions)
    .filter((row) => row.status === 'ACTIVE' && row.validFrom.getTime() <= at && (row.validUntil === null || at < row.validUntil.getTime()))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return questions.map((question) => {
    const deciding = inForce.find(
      (row) =>
        row.caseId === question.caseId &&
        row.purposes.includes(question.purpose) &&
        (question.category === null || row.categories.includes(question.category)) &&
        (row.wholeNetwork || row.recipientOrganisationIds.includes(question.organisationId)),
    );
    return deciding ? { allowed: true, recordId: deciding.id } : { allowed: false, recordId: null };
  });
}

import type { ConsentDb } from '../db';
import type { ConsentRecord } from '../generated/prisma/client';
import { checkConsentContent } from './consent-content';

export interface ConsentSeed {
  /** Record versions as the table takes them (version 1 ACTIVE, a later WITHDRAWN version for a withdrawal). */
  records: ConsentRecord[];
  /** The facts consent checks who may consent with, per case (age, age group). */
  subjects: Record<string, { age: number | null; ageGroup: 'UNDER_16' | 'AGE_16_17' | 'AGE_18_23' | 'AGE_24_PLUS' | null }>;
}

/**
 * Loads the demo consent records when none of the seed's cases has one yet (so a re-run adds nothing, and a
 * first run interrupted after the cases were seeded is completed). Every version is checked with the rules
 * a coordinator's entry meets (checkConsentContent: a minor under 16 needs a guardian or another basis …),
 * so the demo shows nothing the service would refuse. Append-only table: INSERT only, as the role allows.
 *
 * No audit events: the seed is not anybody's action, and the audit trail starts with real use.
 */
export async function seedConsent(db: ConsentDb, data: ConsentSeed): Promise<{ seeded: boolean }> {
  for (const record of data.records) {
    const subject = data.subjects[record.caseId];
    if (!subject) throw new Error(`seed consent record ${record.id} names a case the seed gives no facts for`);
    checkConsentContent(
      {
        legalBasis: record.legalBasis,
        justification: record.justification,
        categories: record.categories,
        wholeNetwork: record.wholeNetwork,
        recipientOrganisationIds: record.recipientOrganisationIds,
        purposes: record.purposes,
        givenBy: record.givenBy,
        givenHow: record.givenHow,
        validFrom: record.validFrom,
        validUntil: record.validUntil,
      },
      subject,
      record.validFrom,
    );
  }
  const caseIds = [...new Set(data.records.map((r) => r.caseId))];
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('haven.consent.seed'))`;
    if ((await tx.consentRecord.count({ where: { caseId: { in: caseIds } } })) > 0) return { seeded: false };
    await tx.consentRecord.createMany({ data: data.records });
    return { seeded: true };
  });
}

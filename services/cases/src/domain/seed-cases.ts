import { seal, type KeyRing } from '@haven/kit/src/crypto/sealed';
import type { CasesDb } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { ThreadSide, VaultCategory } from '../generated/prisma/enums';
import { messageAad } from './messages';
import { writeVaultFields } from './vault-write';

export interface CasesSeed {
  cases: Prisma.CaseCreateManyInput[];
  /** Plaintext personal data; sealed here with the ring the service runs with. */
  vault: { caseId: string; field: string; category: VaultCategory; value: string }[];
  /** responseReportedAt is left empty: the report-responses job tells partners, through its real route. */
  referrals: Prisma.ReferralCreateManyInput[];
  timeline: Prisma.TimelineEventCreateManyInput[];
  /** Plaintext bodies; sealed here with the message id as additional data, as sendMessage does. */
  messages: { id: string; referralId: string; side: ThreadSide; authorUserId: string; authorOrganisationId: string; body: string; sentAt: Date }[];
  reads: Prisma.MessageReadCreateManyInput[];
}

/**
 * Loads the demo cases into an empty cases schema, in one transaction; does nothing when any case exists
 * (running it again, or after real use, adds nothing). An advisory lock keeps two seeders started at once
 * from both inserting. Personal data and message bodies are sealed with the service's own code and key
 * ring, so the running service opens them like any other.
 *
 * No audit events: the seed is not anybody's action, and the audit trail starts with real use.
 */
export async function seedCases(db: CasesDb, ring: KeyRing, data: CasesSeed): Promise<{ seeded: boolean }> {
  if ((await db.case.count()) > 0) return { seeded: false };
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('haven.cases.seed'))`;
      if ((await tx.case.count()) > 0) return { seeded: false };
      await tx.case.createMany({ data: data.cases });
      const byCase = new Map<string, CasesSeed['vault']>();
      for (const value of data.vault) byCase.set(value.caseId, [...(byCase.get(value.caseId) ?? []), value]);
      for (const [caseId, values] of byCase) {
        const coordinator = data.cases.find((c) => c.id === caseId)?.coordinatorUserId;
        if (!coordinator) throw new Error(`seed vault data names case ${caseId}, which the seed does not hold`);
        await writeVaultFields(tx, ring, caseId, values, coordinator);
      }
      await tx.referral.createMany({ data: data.referrals });
      await tx.timelineEvent.createMany({ data: data.timeline });
      await tx.message.createMany({
        data: data.messages.map(({ body, ...message }) => {
          const { keyId, sealed } = seal(ring, body, messageAad(message.id));
          return { ...message, keyId, sealed: new Uint8Array(sealed) };
        }),
      });
      await tx.messageRead.createMany({ data: data.reads });
      return { seeded: true };
    },
    { timeout: 30_000 },
  );
}

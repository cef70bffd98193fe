import { seal, type KeyRing } from '@haven/kit/src/crypto/sealed';
import type { Prisma } from '../generated/prisma/client';
import { vaultAad, type VaultFieldValue } from './vault-fields';

type Tx = Prisma.TransactionClient;

/**
 * Seals each value with the ring's current key and upserts its row, inside the caller's transaction (so
 * the personal data is written with the change it belongs to, or not at all). Writing a field re-seals
 * it, which is also how values move to a new key after a rotation. An empty value is sealed like any other
 * (the service may not delete vault rows; erasure is an operations task) and reads as null.
 */
export async function writeVaultFields(
  tx: Tx,
  ring: KeyRing,
  caseId: string,
  values: readonly VaultFieldValue[],
  userId: string,
): Promise<void> {
  for (const { field, category, value } of values) {
    const { keyId, sealed } = seal(ring, value, vaultAad(caseId, field));
    const data = { category, keyId, sealed: new Uint8Array(sealed), updatedByUserId: userId };
    await tx.vaultField.upsert({
      where: { caseId_field: { caseId, field } },
      create: { caseId, field, ...data },
      update: data,
    });
  }
}

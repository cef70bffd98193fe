import type { KeyRing } from '@haven/kit/src/crypto/sealed';
import { AppError } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { CasesDb } from '../db';
import { changeEvent } from './audit/audit-events';
import type { Case } from '../generated/prisma/client';
import { mayViewCase } from './case-access';
import { vaultCategoriesOf, vaultFieldValues, type PersonalDataInput } from './vault-fields';
import { writeVaultFields } from './vault-write';

/**
 * Writes personal data of a case, for a coordinator of its organisation: every given field is (re-)sealed
 * with the current key; an empty string clears a value; null or absent fields stay as they are. One
 * transaction: all given fields or none.
 */
export async function updateCasePersonalData(
  db: CasesDb,
  ring: KeyRing,
  caller: Identity | null,
  caseId: string,
  input: PersonalDataInput,
  requestId: string | null = null,
): Promise<Case> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const row = isUuid(caseId) ? await db.case.findUnique({ where: { id: caseId } }) : null;
  // Someone else's case and no case at all look the same from outside.
  if (!row || !mayViewCase(caller, row)) throw new AppError('NOT_FOUND', 'Case not found');
  const values = vaultFieldValues(input);
  if (values.length === 0) return row;
  return db.$transaction(async (tx) => {
    await writeVaultFields(tx, ring, caseId, values, caller.subject);
    // Touches updatedAt, so "last changed" covers the vault too.
    const updated = await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    await writeAuditEvents(tx, [
      changeEvent(caller, requestId, 'personal-data.write', { caseId, caseOrganisationId: row.coordinatingOrganisationId, categories: vaultCategoriesOf(values) }),
    ]);
    return updated;
  });
}

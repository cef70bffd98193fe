import { open, SealError, type KeyRing } from '@haven/kit/src/crypto/sealed';
import type { Logger } from '@haven/kit/src/log';
import type { VaultCategory } from '../generated/prisma/enums';
import { VAULT_CATEGORIES, VAULT_GROUP_NAMES, VAULT_GROUPS, vaultAad, type VaultGroup } from './vault-fields';

/** A stored vault row as read (sealed). */
export interface VaultRow {
  caseId: string;
  field: string;
  category: VaultCategory;
  keyId: string;
  sealed: Uint8Array;
}

/** One category's values by their key in the group (`{ name, birthDate }`); a missing or cleared value is null. */
export type CategoryValues = Record<string, string | null>;

/** What the caller sees of a case's personal data: one object per readable category, null for the rest. */
export type PersonalDataView = { [G in VaultGroup]: CategoryValues | null } & { withheld: VaultCategory[] };

/**
 * Opens the rows of the categories the gate allowed. A value that does not open (wrong key ring, tampered
 * row) must not break the response or show garbage: its whole category is treated as withheld and the
 * failure is logged with ids only — never the value.
 */
export function openPersonalData(
  ring: KeyRing,
  caseId: string,
  rows: readonly VaultRow[],
  readable: ReadonlySet<VaultCategory>,
  log: Logger,
  requestId: string,
): PersonalDataView {
  const unreadable = new Set<VaultCategory>(VAULT_CATEGORIES.filter((category) => !readable.has(category)));
  const opened = new Map<string, string>();
  for (const row of rows) {
    if (row.caseId !== caseId || unreadable.has(row.category)) continue;
    try {
      opened.set(row.field, open(ring, { keyId: row.keyId, sealed: Buffer.from(row.sealed) }, vaultAad(caseId, row.field)));
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      log.warn('vault field does not open; its category is withheld', { requestId, caseId, field: row.field, keyId: row.keyId });
      unreadable.add(row.category);
    }
  }
  const view = { withheld: VAULT_CATEGORIES.filter((category) => unreadable.has(category)) } as PersonalDataView;
  for (const group of VAULT_GROUP_NAMES) {
    const spec = VAULT_GROUPS[group];
    if (unreadable.has(spec.category)) {
      view[group] = null;
      continue;
    }
    const values: CategoryValues = {};
    for (const [key, { field }] of Object.entries(spec.fields)) values[key] = opened.get(field) || null;
    view[group] = values;
  }
  return view;
}

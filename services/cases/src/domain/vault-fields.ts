import { badInput } from '@haven/kit/src/errors';
import type { VaultCategory } from '../generated/prisma/enums';

/**
 * The personal-data fields of a case, by vault category. The GraphQL input and output groups mirror the
 * categories (identity, contact, health, caseNotes), each field stored as one sealed VaultField row.
 * `key` is the field's name inside its group; `field` is the row's name (unique per case).
 */
export const VAULT_CATEGORIES = ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] as const satisfies readonly VaultCategory[];

export const VAULT_GROUPS = {
  identity: { category: 'IDENTITY', fields: { name: { field: 'name', max: 200 }, birthDate: { field: 'birthDate', max: 10 } } },
  contact: {
    category: 'CONTACT',
    fields: { phone: { field: 'phone', max: 40 }, address: { field: 'address', max: 500 }, whereabouts: { field: 'whereabouts', max: 1000 } },
  },
  health: { category: 'HEALTH', fields: { notes: { field: 'health', max: 10_000 } } },
  caseNotes: { category: 'CASE_NOTES', fields: { notes: { field: 'notes', max: 20_000 } } },
} as const;

export type VaultGroup = keyof typeof VAULT_GROUPS;
export const VAULT_GROUP_NAMES = Object.keys(VAULT_GROUPS) as VaultGroup[];

/** Input by group, e.g. `{ identity: { name, birthDate }, contact: { phone } }`; absent = leave as is. */
export type PersonalDataInput = { [G in VaultGroup]?: { [K in keyof (typeof VAULT_GROUPS)[G]['fields']]?: string | null } | null };

/** One field to write: its row name, category and plaintext ('' = clear the value). */
export interface VaultFieldValue {
  field: string;
  category: VaultCategory;
  value: string;
}

/** The additional authenticated data of a field: a sealed value opens only in its own case and field. */
export function vaultAad(caseId: string, field: string): string {
  return `case:${caseId}:field:${field}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The fields to write from an input by group: trimmed and length-checked. An empty string clears a value
 * (it is stored as an empty sealed value and reads as null); null and absent leave it as it is. Messages
 * name the field, never its value.
 */
export function vaultFieldValues(input: PersonalDataInput | null | undefined, today = new Date()): VaultFieldValue[] {
  const out: VaultFieldValue[] = [];
  for (const group of VAULT_GROUP_NAMES) {
    const given = input?.[group] as Record<string, string | null | undefined> | null | undefined;
    if (!given) continue;
    const spec = VAULT_GROUPS[group];
    for (const [key, { field, max }] of Object.entries(spec.fields) as [string, { field: string; max: number }][]) {
      const raw = given[key];
      if (raw === undefined || raw === null) continue;
      const value = raw.trim();
      const path = `${group}.${key}`;
      if (value.length > max) throw badInput(path, `${path} can be at most ${max} characters`);
      if (field === 'birthDate' && value !== '') birthDate(path, value, today);
      out.push({ field, category: spec.category, value });
    }
  }
  return out;
}

function birthDate(path: string, value: string, today: Date): void {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  const valid = date && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  if (!valid) throw badInput(path, `${path} must be a date like 1990-04-30`);
  if (date.getTime() > today.getTime() || date.getUTCFullYear() < today.getUTCFullYear() - 130) {
    throw badInput(path, `${path} must be a date in the past 130 years`);
  }
}

/** The categories a set of written fields belongs to, each once (for the audit trail). */
export function vaultCategoriesOf(values: readonly VaultFieldValue[]): VaultCategory[] {
  return [...new Set(values.map((value) => value.category))];
}

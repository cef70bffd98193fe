import { builder } from '../builder';
import type { CaseView } from '../domain/case-access';
import { readEvents, recordReads } from '../domain/audit/audit-reads';
import { consentGate } from '../domain/consent/consent-gate';
import type { ReadBasis } from '../domain/personal-data-gate';
import { VAULT_CATEGORIES } from '../domain/vault-fields';
import type { VaultCategory } from '../generated/prisma/enums';
import { openPersonalData, type CategoryValues, type PersonalDataView } from '../domain/vault-read';
import type { CasesContext } from '../context';
import { vaultRowsByCase } from '../domain/vault-loader';

// The personal data of a case, by vault category. Each category is null when the caller may not read it
// (the gate decides, domain/personal-data-gate.ts) and `withheld` says which ones, so a screen can tell
// "withheld" from "nothing recorded". Inputs: absent or null leaves a value as it is; "" clears it.

export const VaultCategoryEnum = builder.enumType('VaultCategory', { values: VAULT_CATEGORIES });


const IdentityData = builder.objectRef<CategoryValues>('IdentityData').implement({
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (v) => v.name ?? null }),
    birthDate: t.string({ nullable: true, description: 'ISO date (YYYY-MM-DD)', resolve: (v) => v.birthDate ?? null }),
  }),
});
const ContactData = builder.objectRef<CategoryValues>('ContactData').implement({
  fields: (t) => ({
    phone: t.string({ nullable: true, resolve: (v) => v.phone ?? null }),
    address: t.string({ nullable: true, resolve: (v) => v.address ?? null }),
    whereabouts: t.string({ nullable: true, description: 'Where the person can be found now', resolve: (v) => v.whereabouts ?? null }),
  }),
});
const HealthData = builder.objectRef<CategoryValues>('HealthData').implement({
  fields: (t) => ({ notes: t.string({ nullable: true, resolve: (v) => v.notes ?? null }) }),
});
const CaseNotesData = builder.objectRef<CategoryValues>('CaseNotesData').implement({
  fields: (t) => ({ notes: t.string({ nullable: true, resolve: (v) => v.notes ?? null }) }),
});

/** A category this caller reads only through an emergency grant: the portal flags it. */
interface EmergencyFlag {
  category: VaultCategory;
  reason: string;
  expiresAt: Date;
}

const EmergencyAccessFlag = builder.objectRef<EmergencyFlag>('EmergencyAccessFlag').implement({
  description: 'A category opened without consent by an emergency grant: who reads it must know, and it ends at expiresAt.',
  fields: (t) => ({
    category: t.field({ type: VaultCategoryEnum, resolve: (f) => f.category }),
    reason: t.string({ resolve: (f) => f.reason }),
    expiresAt: t.field({ type: 'DateTime', resolve: (f) => f.expiresAt }),
  }),
});

export const CasePersonalData = builder.objectRef<PersonalDataView & { emergency: EmergencyFlag[] }>('CasePersonalData').implement({
  description: 'Personal data by vault category; a category the caller may not read is null and listed in withheld.',
  fields: (t) => ({
    identity: t.field({ type: IdentityData, nullable: true, resolve: (v) => v.identity }),
    contact: t.field({ type: ContactData, nullable: true, resolve: (v) => v.contact }),
    health: t.field({ type: HealthData, nullable: true, resolve: (v) => v.health }),
    caseNotes: t.field({ type: CaseNotesData, nullable: true, resolve: (v) => v.caseNotes }),
    withheld: t.field({ type: [VaultCategoryEnum], resolve: (v) => v.withheld }),
    emergency: t.field({ type: [EmergencyAccessFlag], description: 'Categories shown only through an emergency grant.', resolve: (v) => v.emergency }),
  }),
});

/** What Case.personalData resolves to: the gate's answer, then the case's rows (one query per request). */
export async function resolvePersonalData(
  view: CaseView,
  ctx: CasesContext,
  requested: ReadonlySet<VaultCategory> = new Set(VAULT_CATEGORIES),
): Promise<PersonalDataView & { emergency: EmergencyFlag[] }> {
  const gate = ctx.settings.personalDataGate ?? consentGate;
  // A gate that cannot answer (e.g. the consent service is down) means no: everything is withheld, the
  // rest of the response stands.
  const bases = await gate.mayRead(ctx, view, VAULT_CATEGORIES).catch((error: unknown) => {
    ctx.log.warn('personal data gate failed: withheld', { requestId: ctx.requestId, caseId: view.id, error: error instanceof Error ? error.name : 'unknown' });
    return new Map<VaultCategory, ReadBasis>();
  });
  // `withheld` tells what the caller may not read, asked or not; what is opened (and recorded) is only what
  // the query asked for.
  const opening = new Map([...bases].filter(([category]) => requested.has(category)));
  // No read without its audit record: when the trail cannot be written, everything is withheld.
  const recorded = await recordReads(ctx, readEvents(ctx, view, opening)).then(
    () => true,
    (error: unknown) => {
      ctx.log.error('audit write failed: personal data withheld', { requestId: ctx.requestId, caseId: view.id, error: error instanceof Error ? error.name : 'unknown' });
      return false;
    },
  );
  if (!recorded) {
    bases.clear();
    opening.clear();
  }
  // Nothing to open: no rows loaded.
  const rows = opening.size > 0 ? await vaultRowsByCase(ctx).load(view.id) : [];
  const opened = openPersonalData(ctx.settings.keyRing, view.id, rows, new Set(opening.keys()), ctx.log, ctx.requestId);
  // Categories readable but not asked for are not withheld: they were simply not opened.
  opened.withheld = opened.withheld.filter((category) => !(bases.has(category) && !requested.has(category)));
  const emergency: EmergencyFlag[] = [];
  for (const [category, basis] of bases) {
    if (basis.kind === 'EMERGENCY' && !opened.withheld.includes(category)) emergency.push({ category, reason: basis.reason, expiresAt: basis.expiresAt });
  }
  return { ...opened, emergency };
}

export const IdentityDataInput = builder.inputType('IdentityDataInput', {
  fields: (t) => ({ name: t.string(), birthDate: t.string({ description: 'ISO date (YYYY-MM-DD)' }) }),
});
export const ContactDataInput = builder.inputType('ContactDataInput', {
  fields: (t) => ({ phone: t.string(), address: t.string(), whereabouts: t.string() }),
});
export const HealthDataInput = builder.inputType('HealthDataInput', { fields: (t) => ({ notes: t.string() }) });
export const CaseNotesInput = builder.inputType('CaseNotesInput', { fields: (t) => ({ notes: t.string() }) });

export const CasePersonalDataInput = builder.inputType('CasePersonalDataInput', {
  description: 'Personal data by category. A field left out or null stays as it is; an empty string clears it.',
  fields: (t) => ({
    identity: t.field({ type: IdentityDataInput }),
    contact: t.field({ type: ContactDataInput }),
    health: t.field({ type: HealthDataInput }),
    caseNotes: t.field({ type: CaseNotesInput }),
  }),
});

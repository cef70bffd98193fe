import { randomUUID } from 'node:crypto';
import { randomKeyRing } from '@haven/kit/src/crypto/key-ring';
import { open } from '@haven/kit/src/crypto/sealed';
import { testDatabase } from '@haven/kit/src/testing/db';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { createCasesDb, type CasesDb } from '../db';
import { ageGroupOf } from './case-facts';
import { createCase, newCaseReference, REFERENCE_PATTERN, type CreateCaseInput } from './create-case';
import { vaultAad } from './vault-fields';

const coordinator = (organisationId = randomUUID()): Identity => ({
  subject: randomUUID(),
  kind: 'user',
  sessionId: randomUUID(),
  organisationId,
  roles: ['COORDINATOR'],
  scopes: [],
});

function codeOf(error: unknown) {
  return (error as { extensions?: { code?: unknown } }).extensions?.code;
}

// Made-up values; they only need to be recognisable in raw bytes.
const PERSONAL = {
  identity: { name: 'Testpersoon Zeventien', birthDate: '2008-03-14' },
  contact: { phone: '+31 6 1234 5678', address: 'Voorbeeldstraat 1, Utrecht', whereabouts: 'Opvanglocatie Noord' },
  health: { notes: 'Gezondheidsnotitie voorbeeld' },
  caseNotes: { notes: 'Dossiernotitie voorbeeld' },
};

describe('createCase', () => {
  let db: CasesDb;
  const ring = randomKeyRing('k1');
  const create = (caller: Identity, input: CreateCaseInput, next?: () => string) => createCase(db, ring, caller, input, next);
  const storedFor = async (caller: Identity) => ({
    cases: await db.case.count({ where: { coordinatorUserId: caller.subject } }),
    vault: await db.vaultField.count({ where: { updatedByUserId: caller.subject } }),
    events: await db.timelineEvent.count({ where: { actorUserId: caller.subject } }),
  });

  beforeAll(() => {
    db = createCasesDb(testDatabase().appUrl('cases'), 2);
  });
  afterAll(() => db.$disconnect());

  it('makes references of HVN- and 8 unambiguous characters, different each time', () => {
    const references = Array.from({ length: 200 }, newCaseReference);
    for (const reference of references) expect(reference).toMatch(REFERENCE_PATTERN);
    expect(new Set(references).size).toBe(references.length);
  });

  it("opens a case for the caller's organisation with the caller as coordinator, and records CASE_OPENED", async () => {
    const caller = coordinator();
    const row = await create(caller, { urgency: 'URGENT', needs: ['SHELTER', 'LEGAL_AID'] });
    expect(row).toMatchObject({
      urgency: 'URGENT',
      needs: ['SHELTER', 'LEGAL_AID'],
      status: 'OPEN',
      coordinatingOrganisationId: caller.organisationId,
      coordinatorUserId: caller.subject,
    });
    expect(row.reference).toMatch(REFERENCE_PATTERN);
    const events = await db.timelineEvent.findMany({ where: { caseId: row.id } });
    expect(events).toEqual([
      expect.objectContaining({ kind: 'CASE_OPENED', actorUserId: caller.subject, actorOrganisationId: caller.organisationId, referralId: null }),
    ]);
  });

  it('creates one case for ten concurrent requests with one idempotency key, and refuses the key with other input', async () => {
    const caller = coordinator();
    const key = `case-${randomUUID()}`;
    const input: CreateCaseInput = { urgency: 'URGENT', needs: ['SHELTER'], personalData: PERSONAL };
    const rows = await Promise.all(Array.from({ length: 10 }, () => createCase(db, ring, caller, input, undefined, key)));
    expect(new Set(rows.map((row) => row.id)).size).toBe(1);
    expect(await storedFor(caller)).toEqual({ cases: 1, vault: 7, events: 1 });
    const other = await createCase(db, ring, caller, { ...input, urgency: 'STANDARD' }, undefined, key).catch((e) => e);
    expect(codeOf(other)).toBe('CONFLICT');
    expect(await storedFor(caller)).toEqual({ cases: 1, vault: 7, events: 1 });
  });

  it('draws a new reference when the first one is taken', async () => {
    const taken = (await create(coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'] })).reference;
    const fresh = newCaseReference();
    const draws = [taken, taken, fresh];
    const caller = coordinator();
    const row = await create(caller, { urgency: 'STANDARD', needs: ['HOUSING'] }, () => draws.shift()!);
    expect(row.reference).toBe(fresh);
    expect(draws).toEqual([]);
    // The failed attempts rolled back whole: one case, one opening event.
    expect(await storedFor(caller)).toEqual({ cases: 1, vault: 0, events: 1 });
  });

  it('gives up after a few taken references instead of looping', async () => {
    const taken = (await create(coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'] })).reference;
    const caller = coordinator();
    await expect(create(caller, { urgency: 'STANDARD', needs: ['HOUSING'], personalData: PERSONAL }, () => taken)).rejects.toThrow();
    expect(await storedFor(caller)).toEqual({ cases: 0, vault: 0, events: 0 });
  });

  it('refuses a caller who is not a coordinator', async () => {
    const caller = { ...coordinator(), roles: ['PARTNER_ADMIN' as const] };
    const error = await create(caller, { urgency: 'IMMEDIATE', needs: ['SHELTER'] }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('FORBIDDEN');
    expect(await storedFor(caller)).toEqual({ cases: 0, vault: 0, events: 0 });
  });

  describe('facts', () => {
    it('derives the age group from an exact age at each boundary', () => {
      expect([0, 15, 16, 17, 18, 23, 24, 120].map(ageGroupOf)).toEqual([
        'UNDER_16', 'UNDER_16', 'AGE_16_17', 'AGE_16_17', 'AGE_18_23', 'AGE_18_23', 'AGE_24_PLUS', 'AGE_24_PLUS',
      ]);
    });

    it('stores age with its derived group, gender, normalised languages, exploitation type and the canonical place with its province', async () => {
      const row = await create(coordinator(), {
        urgency: 'URGENT',
        needs: ['SHELTER'],
        age: 17,
        gender: 'FEMALE',
        languages: [' NL', 'en', 'nl'],
        exploitationType: 'SEXUAL',
        place: 'den bosch',
      });
      expect(row).toMatchObject({
        age: 17,
        ageGroup: 'AGE_16_17',
        gender: 'FEMALE',
        languages: ['nl', 'en'],
        exploitationType: 'SEXUAL',
        place: "'s-Hertogenbosch",
        province: 'NOORD_BRABANT',
      });
    });

    it('accepts an age group without an age, and a province without a place', async () => {
      const row = await create(coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'], ageGroup: 'AGE_24_PLUS', province: 'ZEELAND' });
      expect(row).toMatchObject({ age: null, ageGroup: 'AGE_24_PLUS', province: 'ZEELAND', place: '', languages: [] });
    });

    it('accepts an age together with the age group it falls in', async () => {
      const row = await create(coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'], age: 30, ageGroup: 'AGE_24_PLUS' });
      expect(row).toMatchObject({ age: 30, ageGroup: 'AGE_24_PLUS' });
    });

    it.each([
      ['no needs', { needs: [] }, 'needs'],
      ['a need listed twice', { needs: ['SHELTER', 'SHELTER'] }, 'needs'],
      ['a need outside the taxonomy', { needs: ['TELEPORTATION'] }, 'needs'],
      ['an age below 0', { age: -1 }, 'age'],
      ['an age above 120', { age: 121 }, 'age'],
      ['a fractional age', { age: 16.5 }, 'age'],
      ['an age group that contradicts the age', { age: 15, ageGroup: 'AGE_18_23' }, 'ageGroup'],
      ['an unknown language code', { languages: ['nl', 'xx'] }, 'languages'],
      ['a place the gazetteer does not know', { place: 'Nergensdorp aan Zee' }, 'place'],
      ['a province that contradicts the place', { place: 'Utrecht', province: 'LIMBURG' }, 'province'],
      ['an invalid birth date', { personalData: { identity: { birthDate: '2001-02-30' } } }, 'identity.birthDate'],
      ['a birth date in the future', { personalData: { identity: { birthDate: '2999-01-01' } } }, 'identity.birthDate'],
      ['an over-long name', { personalData: { identity: { name: 'x'.repeat(201) } } }, 'identity.name'],
    ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_label, patch, field) => {
      const caller = coordinator();
      const input = { urgency: 'IMMEDIATE', needs: ['SHELTER'], personalData: PERSONAL, ...patch } as CreateCaseInput;
      const error = await create(caller, input).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
      expect((error as { extensions: { field?: unknown } }).extensions.field).toBe(field);
      expect(await storedFor(caller)).toEqual({ cases: 0, vault: 0, events: 0 });
    });

    it('does not repeat an unknown place name in its error', async () => {
      const error = (await create(coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'], place: 'Nergensdorp aan Zee' }).catch((e: unknown) => e)) as Error;
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
      expect(error.message.toLowerCase()).not.toContain('nergensdorp');
    });
  });

  describe('personal data', () => {
    it('seals each given field into its own vault row with its category, in the same transaction as the case', async () => {
      const caller = coordinator();
      const row = await create(caller, { urgency: 'URGENT', needs: ['SHELTER'], personalData: PERSONAL });
      const fields = await db.vaultField.findMany({ where: { caseId: row.id }, orderBy: { field: 'asc' } });
      expect(fields.map((f) => [f.field, f.category, f.keyId, f.updatedByUserId])).toEqual([
        ['address', 'CONTACT', 'k1', caller.subject],
        ['birthDate', 'IDENTITY', 'k1', caller.subject],
        ['health', 'HEALTH', 'k1', caller.subject],
        ['name', 'IDENTITY', 'k1', caller.subject],
        ['notes', 'CASE_NOTES', 'k1', caller.subject],
        ['phone', 'CONTACT', 'k1', caller.subject],
        ['whereabouts', 'CONTACT', 'k1', caller.subject],
      ]);
      const opened = Object.fromEntries(
        fields.map((f) => [f.field, open(ring, { keyId: f.keyId, sealed: Buffer.from(f.sealed) }, vaultAad(row.id, f.field))]),
      );
      expect(opened).toEqual({
        name: PERSONAL.identity.name,
        birthDate: PERSONAL.identity.birthDate,
        phone: PERSONAL.contact.phone,
        address: PERSONAL.contact.address,
        whereabouts: PERSONAL.contact.whereabouts,
        health: PERSONAL.health.notes,
        notes: PERSONAL.caseNotes.notes,
      });
    });

    it('keeps no plaintext in the database row', async () => {
      const row = await create(coordinator(), { urgency: 'URGENT', needs: ['SHELTER'], personalData: PERSONAL });
      const fields = await db.vaultField.findMany({ where: { caseId: row.id } });
      const stored = Buffer.concat(fields.map((f) => Buffer.from(f.sealed)));
      const caseRow = JSON.stringify(await db.case.findUnique({ where: { id: row.id } }));
      for (const value of [PERSONAL.identity.name, 'Testpersoon', PERSONAL.contact.phone, PERSONAL.contact.address, PERSONAL.health.notes]) {
        expect(stored.includes(Buffer.from(value, 'utf8'))).toBe(false);
        expect(caseRow).not.toContain(value);
      }
    });

    it('binds a sealed value to its case and field: copied elsewhere it does not open', async () => {
      const row = await create(coordinator(), { urgency: 'URGENT', needs: ['SHELTER'], personalData: { identity: { name: 'Iemand Anders' } } });
      const field = (await db.vaultField.findFirst({ where: { caseId: row.id, field: 'name' } }))!;
      const value = { keyId: field.keyId, sealed: Buffer.from(field.sealed) };
      expect(() => open(ring, value, vaultAad(randomUUID(), 'name'))).toThrow('does not open');
      expect(() => open(ring, value, vaultAad(row.id, 'phone'))).toThrow('does not open');
    });

    it('stores nothing for empty or left-out fields', async () => {
      const row = await create(coordinator(), {
        urgency: 'URGENT',
        needs: ['SHELTER'],
        personalData: { identity: { name: '  ', birthDate: null }, contact: null, health: { notes: 'Notitie' } },
      });
      const fields = await db.vaultField.findMany({ where: { caseId: row.id } });
      expect(fields.map((f) => f.field)).toEqual(['health']);
    });
  });
});

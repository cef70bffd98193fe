import { randomUUID } from 'node:crypto';
import { testDatabase } from '@haven/kit/src/testing/db';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { createCasesDb, type CasesDb } from '../db';
import { createCase, newCaseReference, REFERENCE_PATTERN } from './create-case';

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

describe('createCase', () => {
  let db: CasesDb;
  beforeAll(() => {
    db = createCasesDb(testDatabase().appUrl('cases'), 2);
  });
  afterAll(() => db.$disconnect());

  it('makes references of HVN- and 8 unambiguous characters, different each time', () => {
    const references = Array.from({ length: 200 }, newCaseReference);
    for (const reference of references) expect(reference).toMatch(REFERENCE_PATTERN);
    expect(new Set(references).size).toBe(references.length);
  });

  it("opens a case for the caller's organisation with the caller as coordinator", async () => {
    const caller = coordinator();
    const row = await createCase(db, caller, { urgency: 'URGENT', needs: ['SHELTER', 'LEGAL_AID'] });
    expect(row).toMatchObject({
      urgency: 'URGENT',
      needs: ['SHELTER', 'LEGAL_AID'],
      status: 'OPEN',
      coordinatingOrganisationId: caller.organisationId,
      coordinatorUserId: caller.subject,
    });
    expect(row.reference).toMatch(REFERENCE_PATTERN);
  });

  it('draws a new reference when the first one is taken', async () => {
    const taken = (await createCase(db, coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'] })).reference;
    const fresh = newCaseReference();
    const draws = [taken, taken, fresh];
    const row = await createCase(db, coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'] }, () => draws.shift()!);
    expect(row.reference).toBe(fresh);
    expect(draws).toEqual([]);
  });

  it('gives up after a few taken references instead of looping', async () => {
    const taken = (await createCase(db, coordinator(), { urgency: 'STANDARD', needs: ['HOUSING'] })).reference;
    const caller = coordinator();
    await expect(createCase(db, caller, { urgency: 'STANDARD', needs: ['HOUSING'] }, () => taken)).rejects.toThrow();
    expect(await db.case.count({ where: { coordinatorUserId: caller.subject } })).toBe(0);
  });

  it.each([
    ['no needs', []],
    ['a need listed twice', ['SHELTER', 'SHELTER']],
    ['a need outside the taxonomy', ['TELEPORTATION']],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, needs) => {
    const caller = coordinator();
    const error = await createCase(db, caller, { urgency: 'IMMEDIATE', needs: needs as never }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect(await db.case.count({ where: { coordinatorUserId: caller.subject } })).toBe(0);
  });

  it('refuses a caller who is not a coordinator', async () => {
    const caller = { ...coordinator(), roles: ['PARTNER_ADMIN' as const] };
    const error = await createCase(db, caller, { urgency: 'IMMEDIATE', needs: ['SHELTER'] }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('FORBIDDEN');
    expect(await db.case.count({ where: { coordinatorUserId: caller.subject } })).toBe(0);
  });
});

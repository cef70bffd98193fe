import { randomBytes } from 'node:crypto';
import type { Role } from '@haven/kit/src/taxonomy';
import type { IdentityDb } from '../db';
import { hashPassword } from '../domain/password';

/** Test files share one database: every fixture gets a unique name and email. */
const unique = () => randomBytes(5).toString('hex');

export const FIXTURE_PASSWORD = 'fixture-password-42';

let fixtureHash: Promise<string> | undefined;
/** One scrypt hash for every fixture user (a hash costs ~0.3 s here). */
const fixturePasswordHash = () => (fixtureHash ??= hashPassword(FIXTURE_PASSWORD));

export async function createOrganisation(
  db: IdentityDb,
  options: { kind?: 'COORDINATING' | 'PARTNER'; name?: string; active?: boolean } = {},
) {
  return db.organisation.create({
    data: {
      name: options.name ?? `Test organisation ${unique()}`,
      kind: options.kind ?? 'PARTNER',
      active: options.active ?? true,
    },
  });
}

export async function createUser(
  db: IdentityDb,
  options: { memberships?: { organisationId: string; role: Role }[]; active?: boolean; password?: string } = {},
) {
  const id = unique();
  const passwordHash = options.password ? await hashPassword(options.password) : await fixturePasswordHash();
  const user = await db.user.create({
    data: {
      email: `user-${id}@example.test`,
      displayName: `Test user ${id}`,
      passwordHash,
      active: options.active ?? true,
      memberships: { create: options.memberships ?? [] },
    },
  });
  return { ...user, password: options.password ?? FIXTURE_PASSWORD };
}

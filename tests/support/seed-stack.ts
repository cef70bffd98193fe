import { hashPassword } from '@haven/identity/src/domain/password';
import type { IdentityDb } from '@haven/identity/src/db';
import type { PartnersDb } from '@haven/partners/src/db';
import { TEST_ORGANISATIONS, TEST_PROFILES, TEST_USERS } from './fixtures';

/**
 * Inserts the fixture network if it is not there yet. ON CONFLICT DO NOTHING (skipDuplicates) makes it
 * safe when several test files start stacks on the same database at once. Not seedIdentity: that one
 * skips any non-empty database, and other test files may have added organisations first.
 */
export async function seedStack(dbs: { identity: IdentityDb; partners: PartnersDb }, password: string): Promise<void> {
  const users = Object.values(TEST_USERS);
  const present = await dbs.identity.user.count({ where: { id: { in: users.map((u) => u.id) } } });
  // scrypt is deliberately slow: hash once per seeding (one shared test password), and not at all
  // when an earlier test file of this run already inserted the users.
  const hash = present === users.length ? null : await hashPassword(password);
  await dbs.identity.organisation.createMany({
    data: Object.values(TEST_ORGANISATIONS).map(({ id, name, kind }) => ({ id, name, kind })),
    skipDuplicates: true,
  });
  if (hash) {
    await dbs.identity.user.createMany({
      data: users.map((user) => ({ id: user.id, email: user.email, displayName: user.displayName, passwordHash: hash })),
      skipDuplicates: true,
    });
  }
  await dbs.identity.membership.createMany({
    data: users.flatMap((user) =>
      user.memberships.map((m) => ({ userId: user.id, organisationId: TEST_ORGANISATIONS[m.organisation].id, role: m.role })),
    ),
    skipDuplicates: true,
  });
  // skipDuplicates would also skip a row another test file created under the same email or name with
  // another id; then logins and ids here would silently disagree. Say so instead.
  const [foundUsers, foundOrganisations] = await Promise.all([
    dbs.identity.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true, email: true } }),
    dbs.identity.organisation.findMany({
      where: { name: { in: Object.values(TEST_ORGANISATIONS).map((o) => o.name) } },
      select: { id: true, name: true },
    }),
  ]);
  const clash = [
    ...foundUsers.filter((found) => users.find((u) => u.email === found.email)?.id !== found.id).map((u) => u.email),
    ...foundOrganisations
      .filter((found) => Object.values(TEST_ORGANISATIONS).find((o) => o.name === found.name)?.id !== found.id)
      .map((o) => o.name),
  ];
  if (clash.length > 0) throw new Error(`fixture rows taken by another test with other ids: ${clash.join(', ')}`);
  await dbs.partners.organisationProfile.createMany({
    data: TEST_PROFILES.map((profile) => ({ ...profile, acceptingReferrals: true })),
    skipDuplicates: true,
  });
}

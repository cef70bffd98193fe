import { ROLES_BY_ORGANISATION_KIND, roleFitsOrganisationKind, type Role } from '@haven/kit/src/taxonomy';
import type { IdentityDb } from '../db';
import { normaliseEmail } from './login';
import { hashPassword } from './password';
import { base32Decode } from './totp';
import type { TotpSecretBox } from './totp-secret-box';

export interface IdentitySeed {
  organisations: { id: string; name: string; kind: 'COORDINATING' | 'PARTNER' }[];
  users: {
    id: string;
    email: string;
    displayName: string;
    password: string;
    /** Base32: seeded with two-step sign-in on, this secret sealed by `totpBox` (ignored without one). */
    totpSecret?: string;
    memberships: { organisationId: string; role: Role }[];
  }[];
}

/**
 * Inserts the demo network's organisations, users and memberships into empty tables; does nothing
 * when any organisation exists (running the seed twice is harmless). Passwords are hashed before the
 * transaction, concurrently (scrypt runs on libuv's thread pool), so ten users take well under a second
 * or two. An advisory lock keeps two seeders started at once from both inserting. TOTP secrets are sealed with
 * `totpBox` (identity's own key, as the running service opens them); without one those users start without two-step
 * sign-in and, if their role needs it, are asked to enrol at their first sign-in.
 */
export async function seedIdentity(db: IdentityDb, data: IdentitySeed, options: { totpBox?: TotpSecretBox; now?: Date } = {}): Promise<{ seeded: boolean }> {
  const now = options.now ?? new Date();
  assertRolesFit(data);
  if ((await db.organisation.count()) > 0) return { seeded: false };
  const hashes = await Promise.all(data.users.map((user) => hashPassword(user.password)));
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('haven.identity.seed'))`;
      if ((await tx.organisation.count()) > 0) return { seeded: false };
      await tx.organisation.createMany({
        data: data.organisations.map(({ id, name, kind }) => ({ id, name, kind })),
      });
      await tx.user.createMany({
        data: data.users.map((user, i) => ({
          id: user.id,
          email: normaliseEmail(user.email),
          displayName: user.displayName,
          passwordHash: hashes[i]!,
          ...(user.totpSecret && options.totpBox
            ? { totpSecret: options.totpBox.seal(base32Decode(user.totpSecret), user.id), totpEnabledAt: now }
            : {}),
        })),
      });
      await tx.membership.createMany({
        data: data.users.flatMap((user) =>
          user.memberships.map((m) => ({ userId: user.id, organisationId: m.organisationId, role: m.role })),
        ),
      });
      return { seeded: true };
    },
    { timeout: 30_000 },
  );
}

/**
 * Refuses seed data with a membership whose role does not fit its organisation's kind (or names an
 * organisation the seed does not hold), before anything is written. The database would refuse it too
 * (a trigger), but with a message that does not say which seed entry is wrong.
 */
export function assertRolesFit(data: IdentitySeed): void {
  const organisations = new Map(data.organisations.map((o) => [o.id, o]));
  for (const user of data.users) {
    for (const { organisationId, role } of user.memberships) {
      const organisation = organisations.get(organisationId);
      if (!organisation) {
        throw new Error(`Seed user ${user.id} has a membership in organisation ${organisationId}, which the seed does not hold`);
      }
      if (!roleFitsOrganisationKind(role, organisation.kind)) {
        throw new Error(
          `Seed user ${user.id} has role ${role} in "${organisation.name}", a ${organisation.kind} organisation, ` +
            `which only takes ${ROLES_BY_ORGANISATION_KIND[organisation.kind].join(', ')}`,
        );
      }
    }
  }
}

import type { IdentityDb } from '../db';
import { SECOND_FACTOR_ROLES } from '../domain/second-factor-roles';
import { hashSessionToken } from '../domain/session-token';

/**
 * Tests only, never a production path: marks a password session of a network admin or auditor as opened with a
 * second factor, as completeLogin does. Why not sign them in with real codes: every test file starts its own
 * stack (its own identity key, which seals TOTP secrets) on one shared database, and a TOTP step is accepted once
 * per account — parallel files signing in the same fixture admin would refuse each other's codes. The second step
 * itself is tested end to end in schema/two-factor.test.ts and tests/integration/second-factor-required.test.ts.
 */
export async function markSecondFactor(db: IdentityDb, sessionToken: string): Promise<void> {
  await db.session.updateMany({
    where: { tokenHash: hashSessionToken(sessionToken), user: { memberships: { some: { role: { in: [...SECOND_FACTOR_ROLES] } } } } },
    data: { secondFactorAt: new Date() },
  });
}

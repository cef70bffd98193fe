import type { Role } from '@haven/kit/src/taxonomy';

/**
 * Roles that act only in a session opened with a second factor: NEN 7513 asks two factors to read the audit log,
 * and administering the network reaches every organisation. resolve-session withholds them from a password-only
 * session, so the rule holds for every subgraph without any of them knowing about it.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['NETWORK_ADMIN', 'AUDITOR'];

export function needsSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/** The roles a session may act with: all of them once it proved a second factor, else those that do not need one. */
export function rolesForSession<R extends Role>(roles: R[], secondFactorAt: Date | null): R[] {
  return secondFactorAt ? roles : roles.filter((role) => !needsSecondFactor(role));
}

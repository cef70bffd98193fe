import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';

/**
 * Who may change an organisation's directory entry: its own partner admin, or a network admin.
 * The shield map already requires one of the two roles; this adds the "same organisation" half,
 * which depends on the target and so cannot be a cached rule.
 */
export function assertMayManageOrganisation(caller: Identity | null, organisationId: string): void {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  // An integration never edits the directory, whatever its scopes (it has no roles; said here once more).
  if (!caller.organisationId || caller.kind !== 'user') throw new AppError('FORBIDDEN', 'Not allowed');
  if (caller.roles.includes('NETWORK_ADMIN')) return;
  if (caller.roles.includes('PARTNER_ADMIN') && caller.organisationId === organisationId) return;
  throw new AppError('FORBIDDEN', 'Not allowed');
}

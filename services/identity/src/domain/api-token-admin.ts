import { AppError } from '@haven/kit/src/errors';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IdentityDb } from '../db';

/**
 * Who manages API tokens: a person who is partner admin of the active organisation, and only for a partner
 * organisation (DESIGN.md: integrations act for one partner organisation). The shield map already asks for
 * the role; this also refuses integrations (a token never mints tokens) and checks the organisation's kind
 * and that it is active, which depend on a row. Returns the organisation the tokens belong to.
 */
export async function assertApiTokenAdmin(db: IdentityDb, caller: Identity | null): Promise<{ userId: string; organisationId: string }> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (caller.kind !== 'user' || !caller.organisationId || !caller.roles.includes('PARTNER_ADMIN')) {
    throw new AppError('FORBIDDEN', 'Not allowed');
  }
  const organisation = await db.organisation.findUnique({ where: { id: caller.organisationId }, select: { kind: true, active: true } });
  if (!organisation || organisation.kind !== 'PARTNER' || !organisation.active) throw new AppError('FORBIDDEN', 'Not allowed');
  return { userId: caller.subject, organisationId: caller.organisationId };
}

import 'server-only';
import type { ReactNode } from 'react';
import { NoAccess } from '@/components/area-guard';
import { enterArea } from '@/lib/enter-area';
import type { Session, SessionOrganisation } from '@/lib/session';

/**
 * The first step of the partner admin's own pages (profile, services, staff, tokens): the organisation area,
 * and then the admin role in the active organisation. Partner staff get the no-access view here rather than a
 * form the gateway would refuse on submit.
 */
export async function enterOrganisationAdmin(): Promise<
  { ok: true; session: Session; organisation: SessionOrganisation } | { ok: false; render: ReactNode }
> {
  const entered = await enterArea('organisation');
  if (!entered.ok) return entered;
  const organisation = entered.session.activeOrganisation;
  // Without an active organisation the portal layout has already sent the user to choose one.
  if (!organisation) return { ok: false, render: null };
  if (!entered.session.roles.includes('PARTNER_ADMIN')) return { ok: false, render: <NoAccess /> };
  return { ok: true, session: entered.session, organisation };
}

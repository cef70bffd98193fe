import type { Role } from './vocabulary';

/**
 * The portal's areas and the roles that open them. The gateway enforces access on every field; this
 * table only decides what the portal offers, so a user is never sent to a page that can only refuse.
 */
export const AREAS = {
  directory: { path: '/directory', roles: ['COORDINATOR'] },
  cases: { path: '/cases', roles: ['COORDINATOR'] },
  inbox: { path: '/inbox', roles: ['PARTNER_STAFF', 'PARTNER_ADMIN'] },
  organisation: { path: '/organisation', roles: ['PARTNER_STAFF', 'PARTNER_ADMIN'] },
  admin: { path: '/admin', roles: ['NETWORK_ADMIN'] },
  audit: { path: '/audit', roles: ['AUDITOR'] },
  statistics: { path: '/statistics', roles: ['COORDINATOR', 'AUDITOR'] },
} as const satisfies Record<string, { path: string; roles: readonly Role[] }>;

export type Area = keyof typeof AREAS;

/** In this order: a user holding several roles lands on the first area one of them opens. */
const HOME_ORDER: Area[] = ['cases', 'inbox', 'admin', 'audit'];
const NAV_ORDER: Area[] = ['cases', 'directory', 'inbox', 'organisation', 'admin', 'audit', 'statistics'];

export function mayEnter(area: Area, roles: readonly Role[]): boolean {
  return (AREAS[area].roles as readonly Role[]).some((role) => roles.includes(role));
}

export function homeArea(roles: readonly Role[]): Area | undefined {
  return HOME_ORDER.find((area) => mayEnter(area, roles));
}

export function navigableAreas(roles: readonly Role[]): Area[] {
  return NAV_ORDER.filter((area) => mayEnter(area, roles));
}

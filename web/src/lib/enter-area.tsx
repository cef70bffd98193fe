import 'server-only';
import type { ReactNode } from 'react';
import { NoAccess } from '@/components/area-guard';
import { mayEnter, type Area } from './areas';
import { loadSession, type Session } from './session';

/**
 * A portal page's first step: the session (already loaded by the portal layout, cached per request)
 * and whether its role opens this area. When the session could not be loaded the layout shows the
 * error, so the page renders nothing.
 */
export async function enterArea(area: Area): Promise<{ ok: true; session: Session } | { ok: false; render: ReactNode }> {
  const loaded = await loadSession();
  if (!loaded.ok) return { ok: false, render: null };
  if (!mayEnter(area, loaded.session.roles)) return { ok: false, render: <NoAccess /> };
  return { ok: true, session: loaded.session };
}

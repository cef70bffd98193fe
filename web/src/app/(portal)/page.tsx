import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AREAS, homeArea } from '@/lib/areas';
import { loadSession } from '@/lib/session';

/** No content of its own: each role starts in its own area. */
export default async function HomePage() {
  const loaded = await loadSession();
  if (!loaded.ok) return null;
  const area = homeArea(loaded.session.roles);
  if (area) redirect(AREAS[area].path);

  const t = await getTranslations('Home');
  return (
    <section className="notice-panel" role="status">
      <h1>{t('noRoleTitle')}</h1>
      <p>{t('noRoleBody')}</p>
    </section>
  );
}

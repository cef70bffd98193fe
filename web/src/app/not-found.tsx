import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('Common');
  return (
    <main id="main" className="error-page">
      <section className="notice-panel" aria-labelledby="not-found-title">
        <h1 id="not-found-title">{t('notFoundTitle')}</h1>
        <p>{t('notFoundBody')}</p>
        <p className="actions">
          <Link className="button" href="/">
            {t('toHome')}
          </Link>
        </p>
      </section>
    </main>
  );
}

'use client';

import { useTranslations } from 'next-intl';

/**
 * Last line of defence for an unexpected failure while rendering. Pages handle gateway failures
 * themselves; this only shows a calm message in the reader's language. In production `error` carries no
 * details, only a digest that matches the server log.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('Errors');
  return (
    <main id="main" className="error-page">
      <section className="notice-panel" role="alert" aria-labelledby="error-title">
        <h1 id="error-title">{t('title')}</h1>
        <p>{t('body')}</p>
        <p className="actions">
          <button type="button" className="button" onClick={() => reset()}>
            {t('retry')}
          </button>
          <a className="button button-quiet" href="/">
            {t('home')}
          </a>
        </p>
      </section>
    </main>
  );
}

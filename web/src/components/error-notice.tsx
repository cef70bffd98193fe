import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { GatewayFailure } from '@/lib/gateway';

/** What a page shows when its data could not be had: calm, actionable, without technical detail. */
export async function ErrorNotice({ failure }: { failure: GatewayFailure }) {
  const t = await getTranslations('Common');
  const forbidden = failure.kind === 'FORBIDDEN';
  return (
    <section className="notice-panel" role={forbidden ? 'status' : 'alert'} aria-labelledby="error-notice-title">
      <h1 id="error-notice-title">{forbidden ? t('forbiddenTitle') : t('unavailableTitle')}</h1>
      <p>{forbidden ? t('forbiddenBody') : t('unavailableBody')}</p>
      <p className="actions">
        {forbidden ? (
          <Link className="button" href="/">
            {t('toHome')}
          </Link>
        ) : (
          // A plain link re-requests the page: no JavaScript needed to retry.
          <a className="button" href="">
            {t('retry')}
          </a>
        )}
      </p>
    </section>
  );
}

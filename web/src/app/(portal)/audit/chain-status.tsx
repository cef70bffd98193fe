import { getTranslations } from 'next-intl/server';
import { getDates } from '@/lib/format';
import styles from './audit.module.css';

type Status = { ok: boolean; events: number; firstBrokenSeq: string | null; reason: string | null; checkedAt: string };

const REASONS = new Set(['SEQ_GAP', 'HASH_MISMATCH', 'LINK_MISMATCH']);

/** The hash chain's verification, shown first and unmistakably: a word and a colour, never colour alone. */
export async function ChainStatus({ status }: { status: Status }) {
  const t = await getTranslations('Audit');
  const dates = await getDates();
  const reason = status.reason && REASONS.has(status.reason) ? t(`chainReason.${status.reason as 'SEQ_GAP'}`) : status.reason;
  return (
    <section aria-labelledby="chain-heading" className={`${styles.chain} ${status.ok ? styles.chainOk : styles.chainBroken}`}>
      <h2 id="chain-heading">
        {t('chainHeading')}{' '}
        <span className={status.ok ? 'badge badge-positive' : 'badge badge-danger'}>{status.ok ? t('chainIntact') : t('chainBroken')}</span>
      </h2>
      {status.ok ? (
        <p>{t('chainIntactBody', { events: status.events })}</p>
      ) : (
        <p role="alert">{t('chainBrokenBody', { seq: status.firstBrokenSeq ?? '?', reason: reason ?? t('chainReasonUnknown') })}</p>
      )}
      <p className="muted">{t('chainCheckedAt', { at: dates.dateTime(status.checkedAt) })}</p>
    </section>
  );
}

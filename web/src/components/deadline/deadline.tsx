import { getNow, getTranslations } from 'next-intl/server';
import { getDates } from '@/lib/format';
import { Countdown } from './countdown';
import { deadlineParts } from './deadline-parts';
import styles from './deadline.module.css';

/**
 * A response deadline: the time left (or how long overdue) in words, rendered on the server and kept
 * current by a small client component, with the exact time in Europe/Amsterdam beside it. Overdue and
 * nearly-due deadlines are also said in words (a badge), never by colour alone.
 */
export async function Deadline({ at, showExact = true }: { at: string; showExact?: boolean }) {
  const t = await getTranslations('Deadline');
  const dates = await getDates();
  const renderedAt = (await getNow()).getTime();
  const parts = deadlineParts(at, renderedAt);
  const soon = !parts.overdue && parts.days === 0 && parts.hours < 2;
  return (
    <span className={styles.deadline}>
      {parts.overdue ? <span className="badge badge-danger">{t('overdueBadge')}</span> : null}
      {soon ? <span className="badge badge-warning">{t('soonBadge')}</span> : null}
      <Countdown at={at} renderedAt={renderedAt} className={parts.overdue ? styles.overdue : styles.countdown} />
      {showExact ? (
        <span className="muted">
          {t('exact', { time: dates.dateTime(at) })}
        </span>
      ) : null}
    </span>
  );
}

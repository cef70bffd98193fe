'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { deadlineKey, deadlineParts } from './deadline-parts';

/**
 * The countdown's words, kept current once a minute. The server rendered the same words for `renderedAt`,
 * so the first paint matches; ticking text is not announced (aria-live off) — the exact deadline beside it
 * is what a screen reader needs.
 */
export function Countdown({ at, renderedAt, className }: { at: string; renderedAt: number; className?: string }) {
  const t = useTranslations('Deadline');
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const parts = deadlineParts(at, now);
  return (
    <span className={className} aria-live="off">
      {t(deadlineKey(parts), { days: parts.days, hours: parts.hours, minutes: parts.minutes })}
    </span>
  );
}

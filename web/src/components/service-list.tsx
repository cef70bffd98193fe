import { getTranslations } from 'next-intl/server';
import { getVocabulary } from '@/i18n/vocabulary';
import type { DirectoryService } from '@/lib/operations/partners';
import type { ServiceType } from '@/lib/vocabulary';
import styles from './service-list.module.css';

function ageText(service: DirectoryService, t: Awaited<ReturnType<typeof getTranslations<'Directory'>>>): string {
  const { minAge: min, maxAge: max } = service;
  if (min !== null && max !== null) return t('ageRange', { min, max });
  if (min !== null) return t('ageFrom', { min });
  if (max !== null) return t('ageUpTo', { max });
  return t('allAges');
}

export async function ServiceList({ services, highlightType }: { services: DirectoryService[]; highlightType?: ServiceType }) {
  const t = await getTranslations('Directory');
  const vocabulary = await getVocabulary();
  if (services.length === 0) return <p className="muted">{t('noServices')}</p>;
  return (
    <ul className={styles.services}>
      {services.map((service) => (
        <li key={service.id} className={service.type === highlightType ? styles.highlight : undefined}>
          <span className={styles.name}>{service.name}</span>
          <span className={styles.meta}>
            {vocabulary.serviceType(service.type)} · {vocabulary.province(service.province)} · {t('ages')}:{' '}
            {ageText(service, t)}
          </span>
        </li>
      ))}
    </ul>
  );
}

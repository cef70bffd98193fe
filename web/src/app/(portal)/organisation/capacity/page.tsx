import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { ownCapacityOperation } from '@/lib/operations/capacity';
import { leaveIfSessionEnded } from '@/lib/session';
import { editCapacity, quickCapacity } from './actions';
import styles from './capacity.module.css';
import { EditCapacityForm, QuickCapacityForm } from './capacity-forms';

export const generateMetadata = titled('Capacity');

/**
 * The organisation's services and their free places, each changed in one click (−1, +1, full) or stated
 * in full (total, waiting list, paused). Coordinators match on these numbers, so they are shown as the
 * API has them after every change.
 */
export default async function CapacityPage() {
  const entered = await enterArea('organisation');
  if (!entered.ok) return entered.render;
  const organisation = entered.session.activeOrganisation;
  const t = await getTranslations('Capacity');
  if (!organisation) return null;

  const vocabulary = await getVocabulary();
  const dates = await getDates();
  const result = await callGateway(ownCapacityOperation, { variables: { id: organisation.id } });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const services = result.data.organisation?.services ?? [];

  return (
    <>
      <p className={styles.back}>
        <Link href="/organisation">{t('backToOrganisation')}</Link>
      </p>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro', { organisation: organisation.name })}</p>
      </div>
      {services.length === 0 ? (
        <p className="notice notice-info">{t('empty')}</p>
      ) : (
        <ul className={styles.services}>
          {services.map((service) => {
            const capacity = service.capacity;
            const headingId = `service-${service.id}`;
            return (
              <li key={service.id}>
                <section className="card" aria-labelledby={headingId} data-service-id={service.id}>
                  <div className="section-heading">
                    <h2 id={headingId} className={styles.name}>
                      {service.name}
                    </h2>
                    <span className="muted">{vocabulary.serviceType(service.type)}</span>
                  </div>
                  <p className={styles.badges}>
                    {!capacity ? (
                      <span className="badge badge-warning">{t('neverStated')}</span>
                    ) : capacity.paused ? (
                      <span className="badge badge-danger">{t('paused')}</span>
                    ) : capacity.availableSlots === 0 ? (
                      <span className="badge badge-warning">{t('fullBadge')}</span>
                    ) : (
                      <span className="badge badge-positive">{t('open')}</span>
                    )}
                    {capacity?.stale ? <span className="badge badge-warning">{t('stale')}</span> : null}
                  </p>
                  <dl className={styles.numbers}>
                    <div>
                      <dt>{t('available')}</dt>
                      <dd data-testid="available">{capacity?.availableSlots ?? 0}</dd>
                    </div>
                    <div>
                      <dt>{t('total')}</dt>
                      <dd data-testid="total">{capacity?.totalSlots ?? 0}</dd>
                    </div>
                    <div>
                      <dt>{t('held')}</dt>
                      <dd>{capacity?.heldSlots ?? 0}</dd>
                    </div>
                    <div>
                      <dt>{t('waitlist')}</dt>
                      <dd>{capacity?.waitlistLength ?? 0}</dd>
                    </div>
                  </dl>
                  <p className="muted">
                    {capacity?.confirmedAt ? t('confirmedAt', { time: dates.dateTime(capacity.confirmedAt) }) : t('neverConfirmed')}
                  </p>
                  <QuickCapacityForm id={`quick-${service.id}`} action={quickCapacity.bind(null, service.id)} serviceName={service.name} />
                  <details className={styles.edit}>
                    <summary>{t('editSummary')}</summary>
                    <EditCapacityForm
                      id={`edit-${service.id}`}
                      action={editCapacity.bind(null, service.id)}
                      current={{
                        totalSlots: capacity?.totalSlots ?? 0,
                        waitlistLength: capacity?.waitlistLength ?? 0,
                        paused: capacity?.paused ?? false,
                      }}
                    />
                  </details>
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

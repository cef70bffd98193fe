import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { SelectField, TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { auditChainStatusOperation, auditSearchOperation } from '@/lib/operations/audit';
import { leaveIfSessionEnded } from '@/lib/session';
import { getAuditLabels, shortId } from './audit-labels';
import styles from './audit.module.css';
import { ChainStatus } from './chain-status';
import { KNOWN_ACTIONS, parseSearch, searchHref, type SearchParams } from './search-filter';

export const generateMetadata = titled('Audit');

const PAGE_SIZE = 50;

/** The auditor's start: whether the chain is intact, then the log searched by case, user, organisation, action and time. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const entered = await enterArea('audit');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Audit');
  const dates = await getDates();
  const labels = await getAuditLabels();
  const search = await parseSearch(await searchParams);
  const invalid = Object.keys(search.fieldErrors).length > 0;

  const [chain, events] = await Promise.all([
    callGateway(auditChainStatusOperation),
    callGateway(auditSearchOperation, { variables: { filter: invalid ? {} : search.filter, first: PAGE_SIZE, after: invalid ? null : (search.after ?? null) } }),
  ]);
  if (!chain.ok) {
    leaveIfSessionEnded(chain.failure);
    return <ErrorNotice failure={chain.failure} />;
  }
  if (!events.ok) {
    leaveIfSessionEnded(events.failure);
    return <ErrorNotice failure={events.failure} />;
  }
  const organisations = [...events.data.organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const { nodes, endCursor, hasNextPage } = events.data.auditEvents;
  const form = 'audit-search';
  const fieldLabels = { caseId: t('caseId'), userId: t('userId'), organisationId: t('organisation'), action: t('action'), from: t('from'), to: t('to') };

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <ChainStatus status={chain.data.auditChainStatus} />

      <p>
        <Link href="/audit/case-access">{t('caseAccessLink')}</Link>
      </p>

      <section aria-labelledby="search-heading" className="section card">
        <h2 id="search-heading">{t('searchHeading')}</h2>
        <form method="get" action="/audit" className="form" noValidate>
          <FormMessage
            form={form}
            state={{ status: invalid ? 'invalid' : 'idle', fieldErrors: search.fieldErrors, formError: invalid ? t('searchInvalid') : undefined, values: {} }}
            labels={fieldLabels}
          />
          <div className="form-grid">
            <TextField type="text" form={form} name="caseId" label={fieldLabels.caseId} hint={t('idHint')} error={search.fieldErrors.caseId} defaultValue={search.values.caseId} spellCheck={false} autoComplete="off" />
            <TextField type="text" form={form} name="userId" label={fieldLabels.userId} hint={t('idHint')} error={search.fieldErrors.userId} defaultValue={search.values.userId} spellCheck={false} autoComplete="off" />
            <SelectField
              form={form}
              name="organisationId"
              label={fieldLabels.organisationId}
              error={search.fieldErrors.organisationId}
              options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
              placeholder={t('anyOrganisation')}
              defaultValue={search.values.organisationId}
            />
            <SelectField
              form={form}
              name="action"
              label={fieldLabels.action}
              error={search.fieldErrors.action}
              options={KNOWN_ACTIONS.map((action) => ({ value: action, label: action }))}
              placeholder={t('anyAction')}
              defaultValue={search.values.action}
            />
            <TextField form={form} name="from" type="date" label={fieldLabels.from} error={search.fieldErrors.from} defaultValue={search.values.from} />
            <TextField form={form} name="to" type="date" label={fieldLabels.to} hint={t('toHint')} error={search.fieldErrors.to} defaultValue={search.values.to} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('search')}
            </button>
            <Link className="button button-quiet" href="/audit">
              {t('clear')}
            </Link>
          </div>
        </form>
      </section>

      <section aria-labelledby="results-heading" className="section">
        <h2 id="results-heading">{search.after ? t('resultsNextPage') : t('results')}</h2>
        {invalid ? (
          <p className="muted">{t('fixFilters')}</p>
        ) : nodes.length === 0 ? (
          <p className="notice notice-info">{t('noResults')}</p>
        ) : (
          <DataTable labelledBy="results-heading" columns={[t('seq'), t('at'), t('action'), t('actor'), t('subject'), t('categories')]}>
            {nodes.map((event) => (
              <tr key={event.id}>
                <th scope="row" className="mono">
                  {event.seq}
                </th>
                <td>{dates.dateTime(event.at)}</td>
                <td className="mono">{event.action}</td>
                <td>
                  <span className={styles.actor}>
                    {t(`actorKind.${event.actorKind === 'integration' ? 'integration' : event.actorKind === 'system' ? 'system' : 'user'}`)}
                    {event.actorRole ? ` · ${labels.role(event.actorRole)}` : ''}
                  </span>
                  {event.actorOrganisation ? <span className={styles.actor}>{event.actorOrganisation.name}</span> : null}
                  {event.actorUserId ? (
                    <Link className="mono" href={searchHref({ ...search.values, userId: event.actorUserId })} aria-label={t('filterUser', { id: shortId(event.actorUserId) })}>
                      {shortId(event.actorUserId)}
                    </Link>
                  ) : null}
                </td>
                <td>
                  {event.caseId ? (
                    <span className={styles.actor}>
                      {t('case')}{' '}
                      <Link className="mono" href={`/audit/case-access?caseId=${event.caseId}`} aria-label={t('caseAccessFor', { id: shortId(event.caseId) })}>
                        {shortId(event.caseId)}
                      </Link>
                    </span>
                  ) : null}
                  {event.referralId ? <span className={`${styles.actor} mono`}>{t('referral')} {shortId(event.referralId)}</span> : null}
                  {event.subjectId && !event.caseId ? <span className={`${styles.actor} mono`}>{shortId(event.subjectId)}</span> : null}
                  {event.onBehalfOfOrganisation ? <span className={styles.actor}>{t('onBehalfOf', { name: event.onBehalfOfOrganisation.name })}</span> : null}
                </td>
                <td>
                  {event.categories.length ? event.categories.map(labels.category).join(', ') : '—'}
                  {event.purpose ? <span className={`${styles.actor} muted`}>{labels.purposes(event.purpose)}</span> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <nav aria-label={t('pages')} className={styles.pager}>
          {search.after ? (
            <Link className="button" href={searchHref(search.values)}>
              {t('firstPage')}
            </Link>
          ) : null}
          {!invalid && hasNextPage && endCursor ? (
            <Link className="button" href={searchHref(search.values, endCursor)}>
              {t('nextPage')}
            </Link>
          ) : null}
        </nav>
      </section>
    </>
  );
}

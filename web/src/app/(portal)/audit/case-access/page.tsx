import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ErrorNotice } from '@/components/error-notice';
import { TextField } from '@/components/form/fields';
import { FormMessage } from '@/components/form/form-message';
import { DataTable } from '@/components/data-table';
import { titled } from '@/i18n/page-title';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { caseAccessOperation, type CaseAccessEvent } from '@/lib/operations/audit';
import { leaveIfSessionEnded } from '@/lib/session';
import { getAuditLabels, shortId } from '../audit-labels';
import styles from '../audit.module.css';

export const generateMetadata = titled('AuditCaseAccess');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The actions that mean someone saw something of the case (docs/security.md). */
const READ_ACTIONS = { reads: 'personal-data.read', messages: 'message.read', emergencies: 'emergency-access.grant' } as const;

type Reader = { key: string; organisation: string | null; userId: string | null; role: string | null; kind: string; categories: Set<string>; count: number; last: string; emergency: boolean };

/**
 * Who saw which categories of one case, and on what basis: every personal-data read, every opened message
 * thread and every emergency grant, first per reader, then one by one.
 */
export default async function AuditCaseAccessPage({ searchParams }: { searchParams: Promise<{ caseId?: string }> }) {
  const entered = await enterArea('audit');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('AuditCaseAccess');
  const audit = await getTranslations('Audit');
  const dates = await getDates();
  const labels = await getAuditLabels();
  const given = (await searchParams).caseId;
  const caseId = typeof given === 'string' ? given.trim() : '';
  const error = caseId && !UUID.test(caseId) ? audit('idInvalid') : undefined;
  const form = 'case-access';

  let events: CaseAccessEvent[] = [];
  let truncated = false;
  if (caseId && !error) {
    const id = caseId.toLowerCase();
    const result = await callGateway(caseAccessOperation, {
      variables: {
        reads: { caseId: id, action: READ_ACTIONS.reads },
        messages: { caseId: id, action: READ_ACTIONS.messages },
        emergencies: { caseId: id, action: READ_ACTIONS.emergencies },
      },
    });
    if (!result.ok) {
      leaveIfSessionEnded(result.failure);
      return <ErrorNotice failure={result.failure} />;
    }
    const { reads, messages, emergencies } = result.data;
    truncated = reads.hasNextPage || messages.hasNextPage || emergencies.hasNextPage;
    events = [...reads.nodes, ...messages.nodes, ...emergencies.nodes].sort((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? 1 : -1));
  }

  // Per reader: the person (or integration) in their organisation and role, everything they saw.
  const readers = new Map<string, Reader>();
  for (const event of events) {
    const key = `${event.actorKind}|${event.actorUserId ?? ''}|${event.actorOrganisation?.id ?? ''}|${event.actorRole ?? ''}`;
    const reader = readers.get(key) ?? {
      key,
      organisation: event.actorOrganisation?.name ?? null,
      userId: event.actorUserId,
      role: event.actorRole,
      kind: event.actorKind,
      categories: new Set<string>(),
      count: 0,
      last: event.at,
      emergency: false,
    };
    if (event.action === READ_ACTIONS.messages) reader.categories.add(t('messages'));
    for (const category of event.categories) reader.categories.add(labels.category(category));
    if (event.action === READ_ACTIONS.reads || event.action === READ_ACTIONS.messages) reader.count += 1;
    if (event.emergencyGrantId) reader.emergency = true;
    if (event.at > reader.last) reader.last = event.at;
    readers.set(key, reader);
  }
  const actionName = (action: string) =>
    action === READ_ACTIONS.reads ? t('actionRead') : action === READ_ACTIONS.messages ? t('actionMessages') : t('actionEmergency');
  const basis = (event: CaseAccessEvent) =>
    event.emergencyGrantId
      ? t('basisEmergency', { reason: event.emergencyReason ?? '—' })
      : event.consentRecordId
        ? t('basisConsent', { id: shortId(event.consentRecordId) })
        : '—';
  const who = (kind: string, role: string | null, organisation: string | null, userId: string | null) =>
    [kind === 'integration' ? audit('actorKind.integration') : kind === 'system' ? audit('actorKind.system') : labels.role(role), organisation, userId ? shortId(userId) : null]
      .filter(Boolean)
      .join(' · ');

  return (
    <>
      <div className="page-heading">
        <p className="eyebrow">
          <Link href="/audit">{audit('title')}</Link>
        </p>
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>

      <form method="get" action="/audit/case-access" className="form card" noValidate>
        <FormMessage
          form={form}
          state={{ status: error ? 'invalid' : 'idle', fieldErrors: error ? { caseId: error } : {}, formError: error ? audit('searchInvalid') : undefined, values: {} }}
          labels={{ caseId: audit('caseId') }}
        />
        <TextField type="text" form={form} name="caseId" label={audit('caseId')} hint={audit('idHint')} error={error} defaultValue={caseId} spellCheck={false} autoComplete="off" required />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('show')}
          </button>
        </div>
      </form>

      {caseId && !error ? (
        <>
          {truncated ? (
            <p className="notice notice-warning">
              {t('truncated')} <Link href={`/audit?caseId=${encodeURIComponent(caseId)}`}>{t('searchAll')}</Link>
            </p>
          ) : null}

          <section className="section" aria-labelledby="readers-heading">
            <h2 id="readers-heading">{t('readers', { count: readers.size })}</h2>
            {readers.size === 0 ? (
              <p className="notice notice-info">{t('nobody')}</p>
            ) : (
              <DataTable labelledBy="readers-heading" columns={[t('who'), t('what'), t('count'), t('last'), t('emergency')]}>
                {[...readers.values()].map((reader) => (
                  <tr key={reader.key}>
                    <th scope="row">{who(reader.kind, reader.role, reader.organisation, reader.userId)}</th>
                    <td>{reader.categories.size ? [...reader.categories].join(', ') : '—'}</td>
                    <td>{reader.count}</td>
                    <td>{dates.dateTime(reader.last)}</td>
                    <td>{reader.emergency ? <span className="badge badge-warning">{t('emergencyYes')}</span> : t('emergencyNo')}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>

          {events.length > 0 ? (
            <section className="section" aria-labelledby="events-heading">
              <h2 id="events-heading">{t('events', { count: events.length })}</h2>
              <DataTable labelledBy="events-heading" columns={[audit('at'), audit('action'), t('who'), audit('categories'), t('purpose'), t('basis')]}>
                {events.map((event) => (
                  <tr key={event.seq}>
                    <th scope="row">{dates.dateTime(event.at)}</th>
                    <td>{actionName(event.action)}</td>
                    <td>
                      {who(event.actorKind, event.actorRole, event.actorOrganisation?.name ?? null, event.actorUserId)}
                      {event.onBehalfOfOrganisation ? <span className={styles.actor}>{audit('onBehalfOf', { name: event.onBehalfOfOrganisation.name })}</span> : null}
                    </td>
                    <td>{event.categories.length ? event.categories.map(labels.category).join(', ') : '—'}</td>
                    <td>{labels.purposes(event.purpose) ?? '—'}</td>
                    <td>{basis(event)}</td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

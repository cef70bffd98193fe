import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table';
import type { GatewayResult } from '@/lib/gateway';
import type { ResultOf } from '@/lib/graphql';
import type { caseAccessLogOperation } from '@/lib/operations/cases';
import { getDates } from '@/lib/format';

const CATEGORY_KEYS = ['IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES'] as const;

/**
 * Who read this case's personal data (and its message threads), newest first: the coordinator's own
 * view of the audit trail for one case. An emergency opening shows its reason.
 */
export async function AccessLog({ result }: { result: GatewayResult<ResultOf<typeof caseAccessLogOperation>> }) {
  const t = await getTranslations('CaseAccessLog');
  const vocabularyT = await getTranslations('Vocabulary');
  const dates = await getDates();
  if (!result.ok) {
    return (
      <section className="section" aria-labelledby="access-heading">
        <h2 id="access-heading">{t('title')}</h2>
        <p className="notice notice-error">{t('unavailable')}</p>
      </section>
    );
  }
  const entries = result.data.caseAccessLog.nodes;
  const action = (name: string) =>
    name === 'personal-data.read' ? t('actionRead') : name === 'message.read' ? t('actionMessages') : name === 'emergency-access.grant' ? t('actionEmergency') : name;
  const category = (name: string) =>
    (CATEGORY_KEYS as readonly string[]).includes(name) ? vocabularyT(`dataCategory.${name as (typeof CATEGORY_KEYS)[number]}`) : name;

  return (
    <section className="section" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <DataTable labelledBy="access-heading" columns={[t('at'), t('who'), t('what'), t('categories')]}>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{dates.dateTime(entry.at)}</td>
              <td>
                {entry.actorUser?.displayName ?? (entry.actorKind === 'integration' ? t('integration') : t('unknown'))}
                {entry.actorOrganisation ? (
                  <>
                    <br />
                    <span className="muted">{entry.actorOrganisation.name}</span>
                  </>
                ) : null}
              </td>
              <td>
                {action(entry.action)}
                {entry.onBehalfOfOrganisation ? (
                  <>
                    <br />
                    <span className="muted">{t('forOrganisation', { name: entry.onBehalfOfOrganisation.name })}</span>
                  </>
                ) : null}
                {entry.emergencyReason ? (
                  <>
                    <br />
                    <span className="badge badge-warning">{t('emergency')}</span> <span className="break">{entry.emergencyReason}</span>
                  </>
                ) : null}
              </td>
              <td>{entry.categories.length ? entry.categories.map(category).join(', ') : t('none')}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {result.data.caseAccessLog.hasNextPage ? <p className="muted">{t('more')}</p> : null}
    </section>
  );
}

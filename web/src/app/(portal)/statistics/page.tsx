import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/data-table';
import { ErrorNotice } from '@/components/error-notice';
import { SelectField } from '@/components/form/fields';
import { titled } from '@/i18n/page-title';
import { getVocabulary } from '@/i18n/vocabulary';
import { enterArea } from '@/lib/enter-area';
import { getDates } from '@/lib/format';
import { callGateway } from '@/lib/gateway';
import { leaveIfSessionEnded } from '@/lib/session';
import { BarChart } from './bar-chart';
import { statisticsOperation } from './operations';
import { parsePeriod, quartersUntil } from './period';
import { cellText } from './statistics-csv';
import styles from './statistics.module.css';

export const generateMetadata = titled('Statistics');

type SearchParams = { year?: string | string[]; quarter?: string | string[] };

/**
 * Network statistics for coordinators and auditors: one quarter's referrals and today's capacity, as charts
 * drawn on the server with a table beside each. The figures arrive suppressed from the subgraphs; the page
 * only shows "<5" where a cell is suppressed and computes nothing of its own.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const entered = await enterArea('statistics');
  if (!entered.ok) return entered.render;

  const t = await getTranslations('Statistics');
  const names = await getVocabulary();
  const dates = await getDates();
  const now = new Date();
  const asked = parsePeriod(await searchParams, now);
  const result = await callGateway(statisticsOperation, { variables: asked.period });
  if (!result.ok) {
    leaveIfSessionEnded(result.failure);
    return <ErrorNotice failure={result.failure} />;
  }
  const stats = result.data.referralStatistics;
  const min = stats.minimumCellSize;
  const cell = (c: { value: number | null; suppressed: boolean }) => cellText(c, min);
  const measure = (m: { value: number | null; suppressed: boolean }, show: (value: number) => string) => (m.suppressed || m.value === null ? `<${min}` : show(m.value));
  const quarterLabel = t('quarterLabel', { year: stats.year, quarter: stats.quarter });
  const csvHref = `/statistics/csv?year=${stats.year}&quarter=${stats.quarter}`;
  const years = [...new Set(quartersUntil(now).map((q) => q.year))];

  return (
    <>
      <div className="page-heading">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro', { min })}</p>
      </div>

      <section aria-labelledby="period-heading" className="section card">
        <h2 id="period-heading">{t('periodHeading')}</h2>
        {asked.ok ? null : (
          <p role="alert" className="form-error">
            {t('periodInvalid')}
          </p>
        )}
        <form method="get" action="/statistics" className={styles.periodForm} noValidate>
          <SelectField form="statistics-period" name="year" label={t('year')} options={years.map((year) => ({ value: String(year), label: String(year) }))} defaultValue={String(stats.year)} />
          <SelectField form="statistics-period" name="quarter" label={t('quarter')} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))} defaultValue={String(stats.quarter)} />
          <button type="submit" className="button">
            {t('show')}
          </button>
        </form>
        <p>
          <a href={csvHref} download>
            {t('downloadCsv', { quarter: quarterLabel })}
          </a>
        </p>
      </section>

      <section aria-labelledby="summary-heading" className="section card">
        <h2 id="summary-heading">{t('summaryHeading', { quarter: quarterLabel })}</h2>
        <dl className={styles.figures}>
          <div>
            <dt>{t('totalReferrals')}</dt>
            <dd>{cell(stats.total)}</dd>
          </div>
          <div>
            <dt>{t('acceptanceRate')}</dt>
            <dd>{measure(stats.acceptanceRate, (v) => `${Math.round(v * 100)}%`)}</dd>
          </div>
          <div>
            <dt>{t('medianFirstResponse')}</dt>
            <dd>{measure(stats.medianHoursToFirstResponse, (v) => t('hours', { hours: v }))}</dd>
          </div>
          <div>
            <dt>{t('medianIntake')}</dt>
            <dd>{measure(stats.medianHoursToIntake, (v) => t('hours', { hours: v }))}</dd>
          </div>
          <div>
            <dt>{t('overdue')}</dt>
            <dd>{cell(stats.overdue)}</dd>
          </div>
        </dl>
        <p className="muted">
          <strong>{`<${min}`}</strong> {t('suppressionNote', { min })}
        </p>
      </section>

      <section aria-labelledby="weeks-heading" className="section card">
        <h2 id="weeks-heading">{t('weeksHeading')}</h2>
        <BarChart title={t('weeksChart')} bars={stats.weeks.map((week) => ({ label: dates.date(week.weekStart), value: week.total.value, text: cell(week.total) }))} />
        <DataTable labelledBy="weeks-heading" columns={[t('weekOf'), ...stats.stateTotals.map((s) => names.referralState(s.state)), t('total')]}>
          {stats.weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{dates.date(week.weekStart)}</th>
              {week.states.map((s) => (
                <td key={s.state}>{cell(s.count)}</td>
              ))}
              <td>{cell(week.total)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('total')}</th>
            {stats.stateTotals.map((s) => (
              <td key={s.state}>{cell(s.count)}</td>
            ))}
            <td>{cell(stats.total)}</td>
          </tr>
        </DataTable>
      </section>

      <section aria-labelledby="outcomes-heading" className="section card">
        <h2 id="outcomes-heading">{t('outcomesHeading')}</h2>
        <BarChart title={t('outcomesChart')} bars={stats.outcomes.map((o) => ({ label: names.referralOutcome(o.outcome), value: o.count.value, text: cell(o.count) }))} />
        <DataTable labelledBy="outcomes-heading" columns={[t('outcome'), t('referrals')]}>
          {stats.outcomes.map((o) => (
            <tr key={o.outcome}>
              <th scope="row">{names.referralOutcome(o.outcome)}</th>
              <td>{cell(o.count)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="capacity-heading" className="section card">
        <h2 id="capacity-heading">{t('capacityHeading')}</h2>
        <p className="muted">{t('capacityIntro')}</p>
        <BarChart
          title={t('capacityChart')}
          max={100}
          bars={result.data.capacityStatistics.map((row) => ({
            label: `${names.province(row.province)} · ${names.serviceType(row.serviceType)}`,
            value: row.utilisation.value === null ? null : Math.round(row.utilisation.value * 100),
            text: measure(row.utilisation, (v) => `${Math.round(v * 100)}%`),
          }))}
        />
        <DataTable labelledBy="capacity-heading" columns={[t('province'), t('serviceType'), t('services'), t('totalSlots'), t('heldSlots'), t('utilisation')]}>
          {result.data.capacityStatistics.map((row) => (
            <tr key={`${row.province}-${row.serviceType}`}>
              <th scope="row">{names.province(row.province)}</th>
              <td>{names.serviceType(row.serviceType)}</td>
              <td>{row.services}</td>
              <td>{row.totalSlots}</td>
              <td>{cell(row.heldSlots)}</td>
              <td>{measure(row.utilisation, (v) => `${Math.round(v * 100)}%`)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}

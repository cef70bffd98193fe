import 'server-only';
import { getTranslations } from 'next-intl/server';
import { amsterdamMidnight, isCalendarDay } from './amsterdam-day';

/** The audit search as the address carries it (a GET form: bookmarkable, works without JavaScript). */
export type SearchParams = { caseId?: string; userId?: string; organisationId?: string; action?: string; from?: string; to?: string; after?: string };
export const SEARCH_FIELDS = ['caseId', 'userId', 'organisationId', 'action', 'from', 'to'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z][a-z.-]{0,79}$/;

/** Actions an auditor looks for most (docs/security.md); the field takes any other dotted verb too. */
export const KNOWN_ACTIONS = [
  'personal-data.read',
  'personal-data.write',
  'message.read',
  'message.post',
  'emergency-access.grant',
  'case.create',
  'case.hand-over',
  'case.close',
  'referral.send',
  'referral.accept',
  'referral.decline',
  'referral.withdraw',
  'referral.record-intake',
  'referral.close',
  'referral.expire',
  'consent.record',
  'consent.amend',
  'consent.withdraw',
  'capacity.update',
  'directory.profile.update',
  'directory.service.update',
  'session.login',
  'session.login-failed',
  'session.logout',
  'session.select-organisation',
  'organisation.create',
  'user.create',
  'membership.set-roles',
  'membership.remove',
  'user.deactivate',
  'user.password-change',
  'user.totp-enrol',
  'user.totp-disable',
  'user.recovery-code-use',
  'api-token.create',
  'api-token.revoke',
] as const;

export type ParsedSearch = {
  values: Record<(typeof SEARCH_FIELDS)[number], string>;
  fieldErrors: Record<string, string>;
  filter: { caseId?: string; userId?: string; organisationId?: string; action?: string; from?: string; to?: string };
  after?: string;
};

/** Checks each filter on the server; a bad one gets a message beside its field and is not sent. */
export async function parseSearch(params: SearchParams): Promise<ParsedSearch> {
  const t = await getTranslations('Audit');
  const values = Object.fromEntries(SEARCH_FIELDS.map((name) => [name, typeof params[name] === 'string' ? params[name].trim() : ''])) as ParsedSearch['values'];
  const fieldErrors: Record<string, string> = {};
  const filter: ParsedSearch['filter'] = {};
  for (const name of ['caseId', 'userId', 'organisationId'] as const) {
    if (!values[name]) continue;
    if (UUID.test(values[name])) filter[name] = values[name].toLowerCase();
    else fieldErrors[name] = t('idInvalid');
  }
  if (values.action) {
    if (ACTION.test(values.action)) filter.action = values.action;
    else fieldErrors.action = t('actionInvalid');
  }
  if (values.from) {
    if (isCalendarDay(values.from)) filter.from = amsterdamMidnight(values.from);
    else fieldErrors.from = t('dateInvalid');
  }
  if (values.to) {
    // "to" is the last day shown: the API's bound is exclusive, so it is the next midnight.
    if (isCalendarDay(values.to)) filter.to = amsterdamMidnight(values.to, 1);
    else fieldErrors.to = t('dateInvalid');
  }
  if (filter.from && filter.to && filter.from >= filter.to) fieldErrors.to = t('dateOrder');
  const after = typeof params.after === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(params.after) ? params.after : undefined;
  return { values, fieldErrors, filter, after };
}

/** The address of the same search, from another page of results. */
export function searchHref(values: ParsedSearch['values'], after?: string): string {
  const query = new URLSearchParams();
  for (const name of SEARCH_FIELDS) if (values[name]) query.set(name, values[name]);
  if (after) query.set('after', after);
  const text = query.toString();
  return text ? `/audit?${text}#results-heading` : '/audit';
}

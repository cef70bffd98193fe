import enAccount from './en/account.json';
import enAdmin from './en/admin.json';
import enAudit from './en/audit.json';
import enCases from './en/cases.json';
import enCommon from './en/common.json';
import enDirectory from './en/directory.json';
import enOrganisation from './en/organisation.json';
import enVocabulary from './en/vocabulary.json';
import enInbox from './en/inbox.json';
import enMessages from './en/messages.json';
import enCapacity from './en/capacity.json';
import enStatistics from './en/statistics.json';
import enLinks from './en/links.json';
import nlAccount from './nl/account.json';
import nlAdmin from './nl/admin.json';
import nlAudit from './nl/audit.json';
import nlCases from './nl/cases.json';
import nlCommon from './nl/common.json';
import nlDirectory from './nl/directory.json';
import nlOrganisation from './nl/organisation.json';
import nlVocabulary from './nl/vocabulary.json';
import nlInbox from './nl/inbox.json';
import nlMessages from './nl/messages.json';
import nlCapacity from './nl/capacity.json';
import nlStatistics from './nl/statistics.json';
import nlLinks from './nl/links.json';
import type { Locale } from '../locales';

/**
 * One catalogue per locale, assembled from one file per area of the portal (each area's namespaces live in
 * its own file, so areas are edited independently). Dutch is the reference: its shape types every
 * `t('…')` call, and a test keeps English's keys and placeholders equal to it.
 */
const nl = { ...nlCommon, ...nlAccount, ...nlVocabulary, ...nlDirectory, ...nlCases, ...nlOrganisation, ...nlAdmin, ...nlAudit, ...nlInbox, ...nlMessages, ...nlCapacity, ...nlStatistics, ...nlLinks };
const en = { ...enCommon, ...enAccount, ...enVocabulary, ...enDirectory, ...enCases, ...enOrganisation, ...enAdmin, ...enAudit, ...enInbox, ...enMessages, ...enCapacity, ...enStatistics, ...enLinks };

export type Messages = typeof nl;

export const catalogues: Record<Locale, Messages> = { nl, en: en satisfies Messages };

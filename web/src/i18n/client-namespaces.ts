import type { Messages } from './messages';

/**
 * The catalogue namespaces client components read with `useTranslations`. Only these travel to the browser
 * (inside every page's HTML); server components translate on the server and send text. A test fails when a
 * client component uses a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  'Account',
  'Admin',
  'AdminUsers',
  'Capacity',
  'CaseConsent',
  'CaseEmergency',
  'CaseMatch',
  'Deadline',
  'Errors',
  'Forms',
  'Messages',
  'NewCase',
  'OneTimeSecret',
  'OrganisationProfile',
  'OrganisationService',
  'OrganisationStaff',
  'OrganisationTokens',
  'PasswordReset',
  'Referral',
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(messages: Messages): Partial<Messages> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]])) as Partial<Messages>;
}

import { expect, type BrowserContext, type Page } from '@playwright/test';
// The seed's own definition, so expectations follow the demo network instead of copying its names.
import { buildDemoNetwork, DEMO_PASSWORD } from '../../../scripts/demo-network';
import { demoAuthenticatorCode } from './demo-authenticator';

export { DEMO_PASSWORD };

/** The gateway the portal talks to; the tests call it directly only to prove what a token is still worth. */
export const GATEWAY_URL = (process.env.HAVEN_E2E_GATEWAY_URL || 'http://127.0.0.1:4000/graphql').replace('://localhost', '://127.0.0.1');

/** The portal's session cookie (web/src/lib/session-cookie-name.ts). */
export const SESSION_COOKIE = 'haven_session';

export const ACCOUNTS = {
  coordinator: 'coordinator@lcm-demo.example',
  networkAdmin: 'netadmin@lcm-demo.example',
  auditor: 'auditor@lcm-demo.example',
  partnerAdmin: 'admin@lantaarn-demo.example',
  partnerStaff: 'staff@lantaarn-demo.example',
  otherPartnerStaff: 'staff@kompas-demo.example',
  twoOrganisations: 'two-orgs@haven-demo.example',
} as const;

const network = buildDemoNetwork();

/** The organisations an account belongs to, in the order the seed gives its memberships. */
export function organisationsOf(email: string): { id: string; name: string }[] {
  const user = network.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no demo account ${email}`);
  return user.memberships.map(({ organisationId }) => {
    const organisation = network.organisations.find((candidate) => candidate.id === organisationId);
    if (!organisation) throw new Error(`demo account ${email} belongs to an unknown organisation`);
    return { id: organisation.id, name: organisation.name };
  });
}

export const PARTNER_ORGANISATION_COUNT = network.organisations.filter((o) => o.kind === 'PARTNER').length;

/**
 * Signs in through the login form, as a person would, and waits until the portal has let them in. The demo network
 * admin and auditor are seeded with two-step sign-in (their roles need it): for them the test plays the phone too.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  const secret = network.users.find((user) => user.email === email)?.totpSecret;
  if (secret && new URL(page.url()).pathname === '/login/code') {
    await page.getByLabel('Code').fill(await demoAuthenticatorCode(email, secret));
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The first number in a text such as "Organisaties (76)" or "62 organisaties". */
export function countIn(text: string | null): number {
  const match = /\d+/.exec(text ?? '');
  if (!match) throw new Error(`no count in ${JSON.stringify(text)}`);
  return Number(match[0]);
}

/** A request to the gateway as an API client holding `token` would make it. */
export async function gatewayRequest(query: string, token?: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: Record<string, any> | null; errors?: unknown[] } | null;
  return { status: response.status, body };
}

/** Expects the page to have ended on the login form (after any redirects). */
export async function expectLoginPage(page: Page): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
}

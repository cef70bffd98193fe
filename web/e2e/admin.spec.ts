import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, DEMO_PASSWORD, gatewayRequest, signIn } from './support/portal';
import { saveScreenshot } from './support/screenshots';

/**
 * Issue 6: the partner admin's, network admin's and auditor's screens. Every name a test creates is fresh, so
 * the spec repeats against a long-running stack; shared demo data it touches (the partner's profile and one
 * service) is put back as it was, apart from a free-text field.
 */

// Long journeys with several axe runs each (and a dev server compiling on first visit).
test.describe.configure({ timeout: 120_000 });

const fresh = () => Math.random().toString(36).slice(2, 8);

/** The one-time secret's read-only field, by its label. */
async function oneTimeSecret(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await expect(field).toBeVisible();
  return field.inputValue();
}

test.describe('partner admin', () => {
  test('edits the profile: a field error on bad input, then saved', async ({ page }) => {
    const suffix = fresh();
    await signIn(page, ACCOUNTS.partnerAdmin);
    await page.goto('/organisation');
    await expectNoSeriousViolations(page, 'organisation overview (partner admin)');
    await saveScreenshot(page, 'organisation-overview');
    await page.getByRole('link', { name: 'Profiel bewerken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profiel bewerken' })).toBeVisible();

    const email = page.getByLabel('E-mailadres aanmelding');
    const original = await email.inputValue();
    await email.fill('geen-mailadres');
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(page.locator('#profile-intakeEmail-error')).toHaveText('Vul een geldig e-mailadres in.');
    await expect(page.getByRole('alert').filter({ hasText: 'Controleer de gemarkeerde velden.' })).toBeVisible();
    // Nothing typed is lost.
    await expect(email).toHaveValue('geen-mailadres');
    await expectNoSeriousViolations(page, 'profile form with a field error');

    await email.fill(original);
    const hours = `Ma-vr 9-17 uur (${suffix})`;
    await page.getByLabel('Bereikbaarheid aanmelding').fill(hours);
    await page.getByRole('button', { name: 'Profiel opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Het profiel is opgeslagen.' })).toBeVisible();
    await saveScreenshot(page, 'organisation-profile');

    await page.reload();
    await expect(page.getByLabel('Bereikbaarheid aanmelding')).toHaveValue(hours);
    await expect(page.getByLabel('E-mailadres aanmelding')).toHaveValue(original);
  });

  test("edits a service's eligibility", async ({ page }) => {
    const suffix = fresh();
    await signIn(page, ACCOUNTS.partnerAdmin);
    await page.goto('/organisation');
    await page.getByRole('group', { name: 'Diensten' }).getByRole('link', { name: / bewerken$/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^Dienst bewerken: / })).toBeVisible();

    const minAge = page.getByLabel('Minimumleeftijd');
    const maxAge = page.getByLabel('Maximumleeftijd');
    const [originalMin, originalMax] = [await minAge.inputValue(), await maxAge.inputValue()];
    await minAge.fill('30');
    await maxAge.fill('20');
    await page.getByRole('button', { name: 'Dienst opslaan' }).click();
    await expect(page.locator('#service-maxAge-error')).toHaveText('De maximumleeftijd mag niet lager zijn dan de minimumleeftijd.');
    await expectNoSeriousViolations(page, 'service form with a field error');

    // The age range goes back as it was (other specs match on it); the exclusions are free text.
    await minAge.fill(originalMin);
    await maxAge.fill(originalMax);
    const exclusions = `Geen opname zonder intakegesprek (${suffix})`;
    await page.getByLabel('Uitsluitingen').fill(exclusions);
    await page.getByRole('button', { name: 'Dienst opslaan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'De dienst is opgeslagen.' })).toBeVisible();
    await saveScreenshot(page, 'organisation-service');

    await page.reload();
    await expect(page.getByLabel('Uitsluitingen')).toHaveValue(exclusions);
    await expect(page.getByLabel('Minimumleeftijd')).toHaveValue(originalMin);
  });

  test('creates a staff account: the one-time password is shown once and signs in', async ({ page, browser }) => {
    const suffix = fresh();
    const name = `Testmedewerker ${suffix}`;
    const address = `staff-${suffix}@lantaarn-test.example`;
    await signIn(page, ACCOUNTS.partnerAdmin);
    await page.goto('/organisation/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Medewerkers' })).toBeVisible();
    await expectNoSeriousViolations(page, 'staff');

    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Account aanmaken' }) });
    await form.getByLabel('Naam').fill(name);
    await form.getByLabel('E-mailadres').fill(address);
    await form.getByLabel('Medewerker partner').check();
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect(page.getByText(`Het account van ${name} is aangemaakt.`)).toBeVisible();
    const password = await oneTimeSecret(page, 'Eenmalig wachtwoord');
    expect(password.length).toBeGreaterThanOrEqual(12);
    await expect(page.getByText('Eenmalig zichtbaar')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
    await saveScreenshot(page, 'organisation-staff-created');

    // Once: a new visit to the page does not show it.
    await page.reload();
    await expect(page.getByLabel('Eenmalig wachtwoord')).toHaveCount(0);
    expect(await page.content()).not.toContain(password);

    // The same address again is refused beside the field.
    await form.getByLabel('Naam').fill(`${name} bis`);
    await form.getByLabel('E-mailadres').fill(address);
    await form.getByLabel('Medewerker partner').check();
    await form.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect(page.locator('#new-member-email-error')).toHaveText('Er bestaat al een account met dit e-mailadres.');

    // The new account signs in with the one-time password.
    const other = await browser.newContext();
    const staffPage = await other.newPage();
    await signIn(staffPage, address, password);
    await expect(staffPage.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
    await other.close();

    // An admin cannot take away their own admin role, nor take themself out: the rule is named, nothing changes.
    const self = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Demo Beheerder Lantaarn' }) });
    await self.getByLabel('Beheerder partner').uncheck();
    await self.getByLabel('Medewerker partner').check();
    await self.getByRole('button', { name: 'Rollen opslaan' }).click();
    await expect(self.getByRole('alert').filter({ hasText: 'Je kunt je eigen beheerdersrol niet afnemen.' })).toBeVisible();
    await page.getByRole('link', { name: 'Demo Beheerder Lantaarn uit de organisatie halen' }).click();
    await page.getByRole('button', { name: 'Ja, uit de organisatie halen' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Je kunt jezelf niet uit de organisatie halen.' })).toBeVisible();

    // Tidy up: the new account leaves the organisation again (after the confirmation step).
    await page.goto('/organisation/staff');
    await page.getByRole('link', { name: `${name} uit de organisatie halen` }).click();
    await expect(page.getByText(`${name} uit de organisatie halen?`)).toBeVisible();
    await page.getByRole('button', { name: 'Ja, uit de organisatie halen' }).click();
    await expect(page.getByText('De medewerker is uit de organisatie gehaald.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name })).toHaveCount(0);
  });

  test('creates and revokes an API token: the token is shown once', async ({ page }) => {
    const name = `Koppeling ${fresh()}`;
    await signIn(page, ACCOUNTS.partnerAdmin);
    await page.goto('/organisation/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'API-tokens' })).toBeVisible();
    await expectNoSeriousViolations(page, 'tokens');

    // No scope chosen: a field error.
    await page.getByLabel('Naam').fill(name);
    await page.getByRole('button', { name: 'Token aanmaken' }).click();
    await expect(page.locator('#new-token-scopes-error')).toHaveText('Kies er minstens één.');

    await page.getByLabel('Verwijzingen lezen').check();
    await page.getByLabel('Capaciteit bijwerken').check();
    await page.getByRole('button', { name: 'Token aanmaken' }).click();
    const token = await oneTimeSecret(page, 'Token');
    expect(token.length).toBeGreaterThanOrEqual(20);
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('actief');
    await saveScreenshot(page, 'organisation-tokens-created');
    // The token works at the gateway as its integration would use it.
    const before = await gatewayRequest('{ apiTokens { id } }', token);
    expect(JSON.stringify(before.body)).not.toContain('UNAUTHENTICATED');

    await page.reload();
    await expect(page.getByLabel('Token', { exact: true })).toHaveCount(0);
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: `Token ${name} intrekken` }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('ingetrokken op');
    await expect(page.getByRole('button', { name: `Token ${name} intrekken` })).toHaveCount(0);
  });
});

test.describe('network admin', () => {
  test('creates an organisation with its first admin, and a user who is then deactivated', async ({ page }) => {
    const suffix = fresh();
    const organisation = `Testorganisatie ${suffix}`;
    await signIn(page, ACCOUNTS.networkAdmin);
    await expect(page).toHaveURL((url) => url.pathname === '/admin');
    await expectNoSeriousViolations(page, 'admin organisations');

    const create = page.locator('form').filter({ has: page.getByRole('button', { name: 'Organisatie aanmaken' }) });
    await create.getByLabel('Naam').fill(organisation);
    await create.getByLabel('Soort').selectOption({ label: 'Partnerorganisatie' });
    await create.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.getByText(`De organisatie ${organisation} is aangemaakt.`)).toBeVisible();
    await saveScreenshot(page, 'admin-organisations');

    // The same name again is refused beside the field.
    await create.getByLabel('Naam').fill(organisation);
    await create.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.locator('#new-organisation-name-error')).toHaveText('Er bestaat al een organisatie met deze naam.');

    // Its page: no members yet; the first admin gets a one-time password.
    await page.getByRole('link', { name: organisation, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: organisation })).toBeVisible();
    await expect(page.getByText('Deze organisatie heeft nog geen medewerkers.')).toBeVisible();
    const firstAdmin = page.locator('form').filter({ has: page.getByRole('button', { name: 'Account aanmaken' }) });
    await firstAdmin.getByLabel('Naam').fill(`Beheerder ${suffix}`);
    await firstAdmin.getByLabel('E-mailadres').fill(`admin-${suffix}@testorganisatie.example`);
    await firstAdmin.getByLabel('Beheerder partner').check();
    await firstAdmin.getByRole('button', { name: 'Account aanmaken' }).click();
    expect((await oneTimeSecret(page, 'Eenmalig wachtwoord')).length).toBeGreaterThanOrEqual(12);
    await expect(page.getByRole('heading', { level: 3, name: `Beheerder ${suffix}` })).toBeVisible();
    await expectNoSeriousViolations(page, 'admin organisation members');
    await saveScreenshot(page, 'admin-organisation');

    // The users page: a new account for the new organisation, then deactivated after a confirmation.
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
    await expectNoSeriousViolations(page, 'admin users');
    const userName = `Testgebruiker ${suffix}`;
    const account = page.locator('form').filter({ has: page.getByRole('button', { name: 'Account aanmaken' }) });
    await account.getByLabel('Naam').fill(userName);
    await account.getByLabel('E-mailadres').fill(`user-${suffix}@testorganisatie.example`);
    await account.getByLabel('Organisatie').selectOption({ label: organisation });
    await account.getByLabel('Medewerker partner').check();
    await account.getByRole('button', { name: 'Account aanmaken' }).click();
    expect((await oneTimeSecret(page, 'Eenmalig wachtwoord')).length).toBeGreaterThanOrEqual(12);
    await expect(page.getByRole('row', { name: new RegExp(userName) })).toContainText('actief');
    await saveScreenshot(page, 'admin-users');

    await page.getByRole('link', { name: `Account van ${userName} deactiveren` }).click();
    await expect(page.getByRole('heading', { name: `Account van ${userName} deactiveren?` })).toBeVisible();
    await expectNoSeriousViolations(page, 'admin users: deactivation confirmation');
    await page.getByRole('button', { name: 'Ja, deactiveren' }).click();
    await expect(page.getByText('Het account is gedeactiveerd.')).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(userName) })).toContainText('gedeactiveerd');
  });
});

test.describe('auditor', () => {
  test('sees the chain intact, searches events by case and sees who read the case', async ({ page }) => {
    // A coordinator reads a case's identity data through the API: that read is audited with the case id.
    const login = await gatewayRequest('mutation($input: LoginInput!) { login(input: $input) { sessionToken } }', undefined, {
      input: { email: ACCOUNTS.coordinator, password: DEMO_PASSWORD },
    });
    const token = login.body?.data?.login?.sessionToken as string;
    const cases = await gatewayRequest('{ cases(first: 1) { nodes { id personalData { identity { __typename } } } } }', token);
    const caseId = cases.body?.data?.cases?.nodes?.[0]?.id as string;
    expect(caseId).toBeTruthy();

    await signIn(page, ACCOUNTS.auditor);
    await expect(page).toHaveURL((url) => url.pathname === '/audit');
    const chain = page.getByRole('region', { name: /Auditketen/ });
    await expect(chain.getByText('intact', { exact: true })).toBeVisible();
    await expect(chain).toContainText('De auditketen is intact');
    await expectNoSeriousViolations(page, 'audit');
    await saveScreenshot(page, 'audit');

    // A bad id gets a field error and sends nothing.
    await page.getByLabel('Casus-id').fill('not-an-id');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.locator('#audit-search-caseId-error')).toHaveText('Vul een volledig id in (36 tekens).');

    await page.getByLabel('Casus-id').fill(caseId);
    await page.getByLabel('Actie').selectOption('personal-data.read');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('caseId') === caseId);
    const rows = page.locator('main table tbody tr');
    await expect(rows.first()).toContainText('personal-data.read');
    await expect(rows.first()).toContainText('Identiteit');
    await expect(rows.filter({ hasNotText: 'personal-data.read' })).toHaveCount(0);
    await saveScreenshot(page, 'audit-search');

    await page.getByRole('link', { name: `Inzage in casus ${caseId.slice(0, 8)}` }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inzage per casus' })).toBeVisible();
    const readers = page.getByRole('group', { name: /^Lezers/ });
    await expect(readers.getByRole('row', { name: /Coördinator/ }).first()).toContainText('Identiteit');
    await expectNoSeriousViolations(page, 'audit case access');
    await saveScreenshot(page, 'audit-case-access');
  });
});

test('partner staff sees the organisation read-only and cannot open the admin pages', async ({ page }) => {
  await signIn(page, ACCOUNTS.partnerStaff);
  await page.goto('/organisation');
  await expect(page.getByRole('link', { name: 'Capaciteit bijwerken' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Medewerkers' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Profiel bewerken' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'organisation overview (partner staff)');

  for (const path of ['/organisation/staff', '/organisation/tokens', '/organisation/profile']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.locator('main form')).toHaveCount(0);
  }
  await expectNoSeriousViolations(page, 'no access (partner staff)');
});

import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, signIn } from './support/portal';
import { saveScreenshot } from './support/screenshots';

/**
 * Issue 6, the coordinator's journey in the browser: dashboard → new case with personal data → (sending
 * without consent is refused with a clear message) → consent → match → send to two services → timeline and
 * dashboard → emergency access → message the partner → withdraw → (closing refused while one is active) →
 * withdraw the other → close. Each page gets the accessibility check and a screenshot. Every run
 * opens its own case with fresh fictional data, so runs and other specs never depend on each other.
 */

test.describe.configure({ mode: 'serial' });

/** A fictional name, fresh per run: proves the personal data round-trips, without real data. */
const PERSON = `Demo Testpersoon ${randomUUID().slice(0, 8)}`;

async function createCase(page: Page): Promise<{ caseUrl: string; reference: string }> {
  await page.goto('/cases/new');
  await page.getByRole('radio', { name: 'Spoed' }).check();
  await page.getByRole('checkbox', { name: 'Opvang', exact: true }).check();
  await page.getByLabel('Leeftijd', { exact: true }).fill('29');
  await page.getByLabel('Gender').selectOption({ label: 'Vrouw' });
  await page.getByRole('textbox', { name: 'Talen' }).fill('nl, en');
  await page.getByLabel('Plaats', { exact: true }).fill('Utrecht');
  await page.getByLabel('Naam', { exact: true }).fill(PERSON);
  await page.getByLabel('Telefoonnummer').fill('+31 6 00000000');
  await page.getByRole('button', { name: 'Casus aanmaken' }).click();
  await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
  const reference = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  expect(reference).toMatch(/^HVN-/);
  return { caseUrl: new URL(page.url()).pathname, reference };
}

test('a coordinator opens a case, records consent, matches, refers, follows, messages and withdraws, then closes it', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.coordinator);

  // The dashboard: server-rendered, overdue referrals first.
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Casussen' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Verlopen verwijzingen');
  await expectNoSeriousViolations(page, 'coordinator dashboard');
  await saveScreenshot(page, 'coordinator-dashboard');

  await page.getByRole('link', { name: 'Nieuwe casus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe casus' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new case');
  await saveScreenshot(page, 'coordinator-new-case');

  const { caseUrl, reference } = await createCase(page);
  await expect(page.getByText('De casus is aangemaakt.')).toBeVisible();
  await expect(page.getByText(PERSON)).toBeVisible();
  await expect(page.getByText('Nog geen toestemming vastgelegd')).toBeVisible();
  await expectNoSeriousViolations(page, 'case page');
  await saveScreenshot(page, 'coordinator-case');

  // Without consent, sending is refused with words that say what to do.
  await page.goto(`${caseUrl}/match`);
  await expect(page.getByRole('heading', { level: 1, name: 'Aanbod zoeken' })).toBeVisible();
  const firstService = page.locator('input[name="serviceId"]:not([disabled])').first();
  await firstService.check();
  await page.getByRole('button', { name: 'Verwijzing versturen naar gekozen aanbod' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Leg eerst toestemming vast' })).toBeVisible();

  // Consent for the whole network, for referral and care.
  await page.goto(`${caseUrl}/consent`);
  await expect(page.getByRole('heading', { level: 1, name: 'Toestemming' })).toBeVisible();
  await expectNoSeriousViolations(page, 'consent');
  await page.getByRole('radio', { name: 'Toestemming cliënt' }).check();
  for (const category of ['Identiteit', 'Contactgegevens']) await page.getByRole('checkbox', { name: category, exact: true }).check();
  await page.getByRole('checkbox', { name: 'Verwijzing en zorg' }).check();
  await page.getByRole('checkbox', { name: 'Het hele netwerk' }).check();
  await page.getByRole('radio', { name: 'Cliënt zelf' }).check();
  await page.getByRole('radio', { name: 'Mondeling' }).check();
  await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De toestemming is vastgelegd.' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await saveScreenshot(page, 'coordinator-consent');

  // Match: ranked services with score, capacity and distance; send to the first one.
  await page.goto(`${caseUrl}/match`);
  await expect(page.getByText(/Score .* van 100/).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'match');
  await saveScreenshot(page, 'coordinator-match');
  // Two services at once: one sendReferral each.
  const choices = page.locator('input[name="serviceId"]:not([disabled])');
  expect(await choices.count()).toBeGreaterThanOrEqual(2);
  const choiceId = await choices.first().getAttribute('id');
  const serviceLabel = (await page.locator(`label[for="${choiceId}"]`).textContent())?.replace(/^\s*\d+\.\s*/, '').trim() ?? '';
  expect(serviceLabel).not.toBe('');
  await choices.nth(0).check();
  await choices.nth(1).check();
  await page.getByRole('button', { name: 'Verwijzing versturen naar gekozen aanbod' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 verwijzingen zijn verstuurd.' })).toBeVisible();

  // The timeline and the referral list on the case page.
  await page.goto(caseUrl);
  await expect(page.getByRole('listitem').filter({ hasText: 'Verwijzing verstuurd' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: serviceLabel }).first()).toBeVisible();

  // The dashboard lists the referral by the case's reference (never by name).
  await page.goto('/cases');
  await expect(page.getByRole('link', { name: reference }).first()).toBeVisible();
  await expect(page.getByText(PERSON)).toHaveCount(0);

  // Emergency access for the partner that has the referral, with a reason.
  await page.goto(`${caseUrl}/emergency`);
  await expect(page.getByRole('heading', { level: 1, name: 'Noodtoegang' })).toBeVisible();
  await page.getByLabel('Organisatie').selectOption({ index: 1 });
  await page.getByLabel('Categorie').selectOption({ label: 'Gezondheid' });
  await page.getByLabel('Reden', { exact: true }).fill('Acute medische situatie, de cliënt is niet aanspreekbaar.');
  await page.getByRole('button', { name: 'Noodtoegang verlenen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Noodtoegang is verleend.' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Gezondheid');
  await expectNoSeriousViolations(page, 'emergency access');
  await saveScreenshot(page, 'coordinator-emergency');

  // The referral page: follow it, then withdraw it.
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: 'Wie heeft de gegevens ingezien' })).toBeVisible();
  await expect(page.getByText('Noodtoegang verleend').first()).toBeVisible();
  await page.getByRole('link', { name: serviceLabel }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(serviceLabel);
  // Message the partner on the referral's thread (the shared thread component).
  const note = `Graag contact over de intake (${randomUUID().slice(0, 8)})`;
  await page.getByLabel('Nieuw bericht').fill(note);
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('list', { name: 'Berichten, oudste eerst' })).toContainText(note);
  await expectNoSeriousViolations(page, 'referral');
  await saveScreenshot(page, 'coordinator-referral');
  await page.getByLabel('Reden', { exact: true }).fill('Elders geplaatst');
  await page.getByRole('button', { name: 'Verwijzing intrekken' }).click();
  // The page comes back with the new state: the withdraw form gives way to where the referral stands.
  await expect(page.getByText('De verwijzing is ingetrokken.')).toBeVisible();
  await expect(page.getByText('Verwijzing ingetrokken').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verwijzing intrekken' })).toHaveCount(0);

  // The other referral is still active: closing is refused, with words that say why.
  await page.goto(caseUrl);
  await page.getByLabel('Reden (optioneel)').fill('Afgerond');
  await page.getByRole('button', { name: 'Casus sluiten' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'zolang er een verwijzing loopt' })).toBeVisible();
  await page.getByRole('row').filter({ hasText: 'Verstuurd' }).getByRole('link').first().click();
  await page.getByLabel('Reden', { exact: true }).fill('Elders geplaatst');
  await page.getByRole('button', { name: 'Verwijzing intrekken' }).click();
  await expect(page.getByText('De verwijzing is ingetrokken.')).toBeVisible();

  // With nothing active, the case can be closed, and says so.
  await page.goto(caseUrl);
  await page.getByLabel('Reden (optioneel)').fill('Afgerond');
  await page.getByRole('button', { name: 'Casus sluiten' }).click();
  await expect(page.getByText(/Deze casus is gesloten op/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Casus sluiten' })).toHaveCount(0);
  await expect(page.getByText('Casus gesloten').first()).toBeVisible();
});

test('an empty new-case form comes back with messages beside the fields and creates nothing', async ({ page }) => {
  await signIn(page, ACCOUNTS.coordinator);
  await page.goto('/cases/new');
  await page.getByLabel('Plaats', { exact: true }).fill('Utrecht');
  await page.getByRole('button', { name: 'Casus aanmaken' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Controleer de gemarkeerde velden.' })).toBeVisible();
  await expect(page.locator('#new-case-urgency-error')).toHaveText('Vul dit veld in.');
  await expect(page.locator('#new-case-needs-error')).toHaveText('Kies er minstens één.');
  // Nothing was created: still on the form, with what was typed kept.
  await expect(page).toHaveURL((url) => url.pathname === '/cases/new');
  await expect(page.getByLabel('Plaats', { exact: true })).toHaveValue('Utrecht');
  await expectNoSeriousViolations(page, 'new case with errors');
  await saveScreenshot(page, 'coordinator-new-case-errors');

  // The same page in English: every string comes from the catalogue.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Urgency' })).toBeVisible();
  await page.goto('/cases');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Active referrals by state' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Casussen' })).toBeVisible();
});

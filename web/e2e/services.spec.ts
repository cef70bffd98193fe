import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, organisationsOf, signIn } from './support/portal';
import { saveScreenshot } from './support/screenshots';

/**
 * A partner admin adds a service to their organisation: the empty form comes back with messages beside the
 * required fields, a filled one creates the service and opens it, and the organisation page lists it. Done as
 * the two-organisation account acting for the organisation it administers, which no other spec changes.
 */
test('a partner admin adds a service; an empty form is refused field by field', async ({ page }) => {
  const administered = organisationsOf(ACCOUNTS.twoOrganisations)[1]!;
  await signIn(page, ACCOUNTS.twoOrganisations);
  await page.getByRole('radio', { name: new RegExp(administered.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.waitForURL((url) => url.pathname !== '/select-organisation');

  await page.goto('/organisation');
  await page.getByRole('link', { name: 'Dienst toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe dienst' })).toBeVisible();
  await expectNoSeriousViolations(page, 'new service');

  await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Controleer de gemarkeerde velden.' })).toBeVisible();
  for (const id of ['service-name-error', 'service-type-error', 'service-province-error']) await expect(page.locator(`#${id}`)).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/organisation/services/new');

  const name = `Inloopspreekuur ${randomUUID().slice(0, 6)}`;
  await page.locator('#service-name').fill(name);
  await page.locator('#service-type').selectOption({ label: 'Juridische hulp' });
  await page.locator('#service-province').selectOption({ label: 'Zuid-Holland' });
  await page.locator('#service-minAge').fill('18');
  await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
  await expect(page).toHaveURL((url) => /^\/organisation\/services\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(page.getByRole('status').filter({ hasText: 'De dienst is toegevoegd.' })).toBeVisible();
  await expect(page.locator('#service-name')).toHaveValue(name);
  await saveScreenshot(page, 'partner-admin-new-service');

  await page.goto('/organisation');
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Juridische hulp');
});

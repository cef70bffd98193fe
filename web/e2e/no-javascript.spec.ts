import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './support/portal';

/**
 * Forms are plain posts to server actions, so a browser without JavaScript (or one where the scripts failed
 * to load) can still sign in, switch language, and get the server's field errors.
 */
test.use({ javaScriptEnabled: false });

test('without JavaScript: field errors from the server, sign-in, the language switch and sign-out work', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.locator('#login-email-error')).toHaveText('Vul je e-mailadres in.');
  await expect(page.locator('#login-password-error')).toHaveText('Vul je wachtwoord in.');

  await page.getByLabel('E-mailadres').fill(ACCOUNTS.coordinator);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/cases');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Naar Nederlands' }).click();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
});

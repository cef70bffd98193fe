import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, DEMO_PASSWORD } from './support/portal';

/**
 * A failing backend shows a clear message, never a blank page or a stack trace. scripts/smoke.ts serves the
 * same portal build a second time with a gateway address where nothing listens and passes its address here;
 * run by hand, start one the same way and set HAVEN_E2E_OFFLINE_PORTAL_URL.
 */
const offlinePortal = process.env.HAVEN_E2E_OFFLINE_PORTAL_URL;

test.describe('when the gateway cannot be reached', () => {
  test.skip(!offlinePortal, 'needs HAVEN_E2E_OFFLINE_PORTAL_URL (scripts/smoke.ts provides it)');
  test.use({ baseURL: offlinePortal?.replace('://localhost', '://127.0.0.1') });

  // A stack frame's `(file:line:column)`, an error's name, or what the failed connection would say.
  const NO_TRACE = /\(\S+:\d+:\d+\)|\w*Error:|ECONNREFUSED|fetch failed|127\.0\.0\.1:\d+/;

  test('signing in says Haven cannot be reached, keeps the address, and shows no technical detail', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(ACCOUNTS.coordinator);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText(/niet bereikbaar/);
    await expect(page.getByLabel('E-mailadres')).toHaveValue(ACCOUNTS.coordinator);
    expect(await page.content()).not.toMatch(NO_TRACE);
    await expectNoSeriousViolations(page, 'login with the gateway down');
  });

  test('a portal page says the data cannot be fetched now, with a way to retry, in the chosen language', async ({ page, context }) => {
    // A session cookie as after an earlier sign-in; the gateway that would check it is down.
    await context.addCookies([{ name: 'haven_session', value: 'hvs_placeholder-session-for-the-outage-test', url: offlinePortal! }]);
    for (const path of ['/cases', '/inbox', '/organisation', '/audit']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dit onderdeel is even niet bereikbaar');
      await expect(page.getByRole('link', { name: 'Opnieuw proberen' })).toBeVisible();
      expect(await page.content(), path).not.toMatch(NO_TRACE);
    }
    await expectNoSeriousViolations(page, 'a portal page with the gateway down');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This part is unavailable for a moment');
  });
});

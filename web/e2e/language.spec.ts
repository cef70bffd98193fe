import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, signIn } from './support/portal';

/**
 * Dutch by default, English on request: the switch works on the login page and inside the portal, the
 * whole page changes (headings, navigation, the html lang attribute), and the choice stays for the next
 * pages and the next visit.
 */
test.describe('language switch', () => {
  test('the login page switches to English and back, without losing its place', async ({ page }) => {
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await expectNoSeriousViolations(page, 'login in English');

    await page.getByRole('button', { name: 'Naar Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('inside the portal the whole page follows the choice, and it sticks across pages and sign-ins', async ({ page, context }) => {
    await signIn(page, ACCOUNTS.coordinator);
    const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(navigation.getByRole('link', { name: 'Partnerregister' })).toBeVisible();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(english.getByRole('link', { name: 'Partner directory' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Another page, a full navigation: still English.
    await english.getByRole('link', { name: 'Partner directory' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Partner directory' })).toBeVisible();
    await expectNoSeriousViolations(page, 'directory in English');

    // Signing out and in again keeps the language (it belongs to the browser, not the session).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByRole('button', { name: 'Naar Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
    expect((await context.cookies()).find((cookie) => cookie.name === 'haven_locale')?.value).toBe('nl');
  });
});

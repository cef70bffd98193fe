import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, DEMO_PASSWORD, signIn } from './support/portal';

/**
 * Issue 6's bar: axe-core reports no serious or critical WCAG 2.1 A/AA violation on any page of the portal,
 * and signing in works with the keyboard alone. Every page is checked as a role that may open it, in the
 * state a person sees it in (notices, errors and the "no access" view included). Minor and moderate
 * findings are not part of the bar, so they do not fail the run.
 */

test.describe('accessibility: no serious or critical axe violations', () => {
  test('the login page, empty, with each notice and with a failed sign-in', async ({ page }) => {
    await page.goto('/login');
    await expectNoSeriousViolations(page, 'login');

    for (const reason of ['logged-out', 'session-ended']) {
      await page.goto(`/login?reason=${reason}`);
      await expect(page.locator('form').getByRole('status')).not.toBeEmpty();
      await expectNoSeriousViolations(page, `login with the ${reason} notice`);
    }

    // An address that exists nowhere, fresh on every run, so repeated runs never trip the login throttle.
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(`nobody-${randomUUID()}@haven-demo.example`);
    await page.getByLabel('Wachtwoord').fill(`not-${DEMO_PASSWORD}`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.locator('form').getByRole('alert')).not.toBeEmpty();
    await expectNoSeriousViolations(page, 'login after a failed sign-in');

    // Without a session, the session-ended route leads back to the login page with its notice.
    await page.goto('/session-ended');
    await expect(page).toHaveURL((url) => url.pathname === '/login');
    await expectNoSeriousViolations(page, 'login reached through session-ended');
  });

  test('the page that is not there', async ({ page }) => {
    await page.goto(`/no-such-page-${randomUUID()}`);
    await expectNoSeriousViolations(page, 'not found');
  });

  test('coordinator: dashboard and directory (all and filtered)', async ({ page }) => {
    await signIn(page, ACCOUNTS.coordinator);
    await expect(page).toHaveURL((url) => url.pathname === '/cases');
    await expectNoSeriousViolations(page, 'case dashboard');

    await page.goto('/directory');
    await expectNoSeriousViolations(page, 'directory');

    await page.goto('/directory?province=ZEELAND');
    await expectNoSeriousViolations(page, 'directory filtered by province');
  });

  test('partner admin: organisation, and the no-access view', async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerAdmin);
    await expect(page).toHaveURL((url) => url.pathname === '/inbox');
    await page.goto('/organisation');
    await expectNoSeriousViolations(page, 'organisation (partner admin)');

    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expectNoSeriousViolations(page, 'no access');
  });

  test('partner staff: organisation', async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerStaff);
    await expect(page).toHaveURL((url) => url.pathname === '/inbox');
    await page.goto('/organisation');
    await expectNoSeriousViolations(page, 'organisation (partner staff)');
  });

  test('network admin: admin', async ({ page }) => {
    await signIn(page, ACCOUNTS.networkAdmin);
    await expect(page).toHaveURL((url) => url.pathname === '/admin');
    await expectNoSeriousViolations(page, 'admin');
  });

  test('auditor: audit', async ({ page }) => {
    await signIn(page, ACCOUNTS.auditor);
    await expect(page).toHaveURL((url) => url.pathname === '/audit');
    await expectNoSeriousViolations(page, 'audit');
  });

  test('two memberships: choosing the organisation, then the portal with the switch link', async ({ page }) => {
    await signIn(page, ACCOUNTS.twoOrganisations);
    await expect(page).toHaveURL((url) => url.pathname === '/select-organisation');
    await expectNoSeriousViolations(page, 'select organisation');

    await page.goto('/select-organisation?error=required');
    await expect(page.locator('main').getByRole('alert')).not.toBeEmpty();
    await expectNoSeriousViolations(page, 'select organisation with an error');

    await page.getByRole('button', { name: 'Verder' }).click();
    await expect(page).toHaveURL((url) => url.pathname !== '/select-organisation');
    await expectNoSeriousViolations(page, 'landing page of the two-organisation account');
  });
});

test('keyboard only: Tab reaches email, password and the button in that order, and Enter signs in', async ({ page }) => {
  await page.goto('/login');
  const email = page.getByLabel('E-mailadres');
  const password = page.getByLabel('Wachtwoord');
  const submit = page.getByRole('button', { name: 'Inloggen' });

  // From the top of the page: the skip link comes first, then the form's fields.
  let tabs = 0;
  while (!(await email.evaluate((element) => element === document.activeElement))) {
    expect(++tabs, 'Tab never reached the email field').toBeLessThanOrEqual(3);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(ACCOUNTS.partnerStaff);
  await page.keyboard.press('Tab');
  await expect(password).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL((url) => url.pathname === '/inbox');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});

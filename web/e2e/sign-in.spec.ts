import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, countIn, DEMO_PASSWORD, expectLoginPage, gatewayRequest, PARTNER_ORGANISATION_COUNT, sessionCookie, signIn } from './support/portal';

test.describe('signing in', () => {
  test('a coordinator signs in on the case dashboard, and the partner directory lists at least 60 organisations; a province filter narrows it', async ({ page }) => {
    await signIn(page, ACCOUNTS.coordinator);
    await expect(page).toHaveURL((url) => url.pathname === '/cases');
    await page.goto('/directory');
    await expect(page.getByRole('heading', { level: 1, name: 'Partnerregister' })).toBeVisible();

    const cards = page.locator('main li.card');
    const summary = page.getByRole('status').filter({ hasText: /organisaties?$/ });
    const all = countIn(await summary.textContent());
    expect(all).toBeGreaterThanOrEqual(60);
    expect(all).toBeLessThanOrEqual(PARTNER_ORGANISATION_COUNT + 10);
    await expect(cards).toHaveCount(all);

    await page.getByLabel('Provincie').selectOption({ label: 'Zeeland' });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('province') === 'ZEELAND');
    const filtered = countIn(await summary.textContent());
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    await expect(cards).toHaveCount(filtered);
    // What is left is what the filter asked for: every service shown is offered in Zeeland.
    const services = cards.locator('ul li');
    expect(await services.count()).toBeGreaterThanOrEqual(filtered);
    for (const meta of await services.allTextContents()) expect(meta).toContain('· Zeeland ·');
    await expect(page.getByLabel('Provincie')).toHaveValue('ZEELAND');
  });

  test('a wrong password shows the generic error, the same as for an unknown address, and sets no session cookie', async ({ page, context }) => {
    const messages: string[] = [];
    // An unknown address is fresh on every run, so repeated runs never trip the login throttle on it.
    for (const email of [ACCOUNTS.otherPartnerStaff, `nobody-${randomUUID()}@haven-demo.example`]) {
      await page.goto('/login');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill(`not-${DEMO_PASSWORD}`);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const alert = page.locator('form').getByRole('alert');
      await expect(alert).toHaveText('E-mail of wachtwoord onjuist.');
      messages.push((await alert.textContent()) ?? '');
      await expect(page).toHaveURL((url) => url.pathname === '/login');
      // The address stays in the field; the password does not.
      await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
      await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
    }
    expect(messages[0]).toBe(messages[1]);
    expect(await sessionCookie(context)).toBeUndefined();

    // Forgive the failure (a successful login clears the count), so repeated runs against one stack
    // never lock the demo account.
    const login = await gatewayRequest('mutation($input: LoginInput!) { login(input: $input) { sessionToken } }', undefined, {
      input: { email: ACCOUNTS.otherPartnerStaff, password: DEMO_PASSWORD },
    });
    const token = login.body?.data?.login?.sessionToken as string | undefined;
    expect(token).toBeTruthy();
    await gatewayRequest('mutation { logout }', token);
  });

  test('the session cookie is httpOnly and SameSite, and no token is readable from page scripts or storage', async ({ page, context }) => {
    await signIn(page, ACCOUNTS.coordinator);
    const cookie = await sessionCookie(context);
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(['Lax', 'Strict']).toContain(cookie!.sameSite);
    expect(cookie!.path).toBe('/');
    // A session cookie: its lifetime is the session's, kept by identity.
    expect(cookie!.expires).toBe(-1);

    const token = cookie!.value;
    expect(token.length).toBeGreaterThanOrEqual(16);
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
    }));
    expect(visible.cookie).not.toContain('haven_session');
    expect(visible.cookie).not.toContain(token);
    for (const [key, value] of [...visible.local, ...visible.session]) {
      expect(key).not.toContain(token);
      expect(value).not.toContain(token);
    }
    expect(await page.content()).not.toContain(token);
  });

  test('visiting a portal page without a session redirects to /login', async ({ page, context }) => {
    expect(await sessionCookie(context)).toBeUndefined();
    for (const path of ['/', '/directory', '/organisation', '/admin', '/audit', '/select-organisation']) {
      await page.goto(path);
      await expectLoginPage(page);
    }
  });
});

import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, organisationsOf, signIn } from './support/portal';

/**
 * Issue 8: an invitation by e-mail and a forgotten password, end to end. The demo sends no mail: identity writes it
 * to a folder that network admins read at /admin/mail, so the test finds each link there as a person would find it
 * in their inbox. Every address is fresh, so the spec repeats against a long-running stack.
 */

test.describe.configure({ timeout: 120_000 });

const fresh = () => Math.random().toString(36).slice(2, 8);

/** Waits until the outbox worker (every few seconds) has written the mail for `address`, and returns its link's path. */
async function linkFromDemoMail(page: Page, address: string, kind: 'invite' | 'reset'): Promise<string> {
  let path: string | undefined;
  await expect(async () => {
    await page.goto('/admin/mail');
    const mail = page.getByTestId('demo-mail').filter({ hasText: address }).first();
    await expect(mail).toBeVisible({ timeout: 1_000 });
    const text = (await mail.locator('pre').textContent()) ?? '';
    path = new RegExp(`https?://[^/\\s]+(/${kind}/[A-Za-z0-9_-]{43})`).exec(text)?.[1];
    expect(path).toBeDefined();
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  return path!;
}

/** Once only: the same link again is refused. */
async function expectLinkSpent(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Nieuw wachtwoord').fill(`nog een ander wachtwoord ${fresh()}`);
  await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByText('Deze link is niet (meer) geldig')).toBeVisible();
}

test('a network admin invites a person, who chooses a password from the mailed link and signs in; the link works once', async ({ page, browser }) => {
  const suffix = fresh();
  const name = `Uitgenodigd ${suffix}`;
  const address = `invited-${suffix}@lantaarn-test.example`;
  await signIn(page, ACCOUNTS.networkAdmin);
  await page.goto('/admin/users');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Uitnodigen per e-mail' }) });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('E-mailadres').fill(address);
  await form.getByLabel('Organisatie').selectOption({ label: organisationsOf(ACCOUNTS.partnerAdmin)[0]!.name });
  await form.getByLabel('Medewerker partner').check();
  await form.getByRole('button', { name: 'Uitnodigen per e-mail' }).click();
  await expect(page.getByText(`${name} is uitgenodigd`)).toBeVisible();

  const invitation = await linkFromDemoMail(page, address, 'invite');
  await expectNoSeriousViolations(page, 'admin demo mail');
  // The mail names nobody: only the address it goes to.
  await expect(page.getByTestId('demo-mail').filter({ hasText: address }).first()).not.toContainText(name);

  const invited = await browser.newContext();
  const invitedPage = await invited.newPage();
  await invitedPage.goto(invitation);
  await expect(invitedPage.getByRole('heading', { level: 1, name: 'Welkom bij Haven' })).toBeVisible();
  await expectNoSeriousViolations(invitedPage, 'invitation');
  await invitedPage.getByLabel('Nieuw wachtwoord').fill('kort');
  await invitedPage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(invitedPage.locator('#set-password-password-error')).toBeVisible();
  const password = `een eigen wachtwoord ${suffix} voor haven`;
  await invitedPage.getByLabel('Nieuw wachtwoord').fill(password);
  await invitedPage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(invitedPage.getByText('Uw wachtwoord is ingesteld.')).toBeVisible();

  await signIn(invitedPage, address, password);
  await expect(invitedPage.getByRole('button', { name: 'Uitloggen' })).toBeVisible();

  await expectLinkSpent(invitedPage, invitation);
  await invited.close();
});

test("a partner admin invites a colleague from the staff page; the colleague sets a password from the mail and signs in", async ({ page, browser }) => {
  const suffix = fresh();
  const name = `Collega ${suffix}`;
  const address = `colleague-${suffix}@lantaarn-test.example`;
  await signIn(page, ACCOUNTS.partnerAdmin);
  await page.goto('/organisation/staff');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Uitnodigen per e-mail' }) });
  await form.getByLabel('Naam').fill(name);
  await form.getByLabel('E-mailadres').fill(address);
  await form.getByLabel('Medewerker partner').check();
  await form.getByRole('button', { name: 'Uitnodigen per e-mail' }).click();
  await expect(page.getByText(`${name} is uitgenodigd`)).toBeVisible();
  // No one-time password was shown: the colleague chooses their own.
  await expect(page.getByText('Eenmalig wachtwoord', { exact: true })).toHaveCount(0);

  // The demo's mail folder is read by a network admin, as a person would read their inbox.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ACCOUNTS.networkAdmin);
  const invitation = await linkFromDemoMail(adminPage, address, 'invite');
  await admin.close();

  const invited = await browser.newContext();
  const invitedPage = await invited.newPage();
  await invitedPage.goto(invitation);
  const password = `mijn eigen wachtwoord ${suffix} bij de lantaarn`;
  await invitedPage.getByLabel('Nieuw wachtwoord').fill(password);
  await invitedPage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(invitedPage.getByText('Uw wachtwoord is ingesteld.')).toBeVisible();
  await signIn(invitedPage, address, password);
  await expect(invitedPage.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  await invited.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a forgotten password is reset through the mailed link (the same answer for an unknown address), then signs in', async ({ page, browser }) => {
    const suffix = fresh();
    const address = `reset-${suffix}@lantaarn-test.example`;
    // An account to reset: invited by the network admin (the only way to one whose password the test does not know).
    await signIn(page, ACCOUNTS.networkAdmin);
    await page.goto('/admin/users');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Uitnodigen per e-mail' }) });
    await form.getByLabel('Naam').fill(`Vergeetachtig ${suffix}`);
    await form.getByLabel('E-mailadres').fill(address);
    await form.getByLabel('Organisatie').selectOption({ label: organisationsOf(ACCOUNTS.partnerAdmin)[0]!.name });
    await form.getByLabel('Medewerker partner').check();
    await form.getByRole('button', { name: 'Uitnodigen per e-mail' }).click();
    await expect(page.getByText('is uitgenodigd')).toBeVisible();

    const person = await browser.newContext({ javaScriptEnabled: false });
    const personPage = await person.newPage();
    await personPage.goto('/login');
    await personPage.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expect(personPage.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
    await personPage.getByLabel('E-mailadres').fill(address);
    await personPage.getByRole('button', { name: 'Stuur de link' }).click();
    await expect(personPage.getByText('Hoort er een account bij dit adres')).toBeVisible();
    // An address without an account gets the very same answer.
    await personPage.goto('/reset');
    await personPage.getByLabel('E-mailadres').fill(`nobody-${suffix}@lantaarn-test.example`);
    await personPage.getByRole('button', { name: 'Stuur de link' }).click();
    await expect(personPage.getByText('Hoort er een account bij dit adres')).toBeVisible();

    const reset = await linkFromDemoMail(page, address, 'reset');
    await personPage.goto(reset);
    const password = `mijn nieuwe wachtwoord ${suffix} na reset`;
    await personPage.getByLabel('Nieuw wachtwoord').fill(password);
    await personPage.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(personPage.getByText('Uw wachtwoord is ingesteld.')).toBeVisible();
    await expectLinkSpent(personPage, reset);
    await signIn(personPage, address, password);
    await expect(personPage.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
    await person.close();
  });
});

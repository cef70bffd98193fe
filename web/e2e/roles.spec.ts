import { expect, test } from '@playwright/test';
import { ACCOUNTS, countIn, gatewayRequest, organisationsOf, sessionCookie, signIn } from './support/portal';

test.describe('each role starts on its own page', () => {
  test('a partner admin starts in the inbox, sees their own organisation and is refused the network-admin page', async ({ page }) => {
    const [own] = organisationsOf(ACCOUNTS.partnerAdmin);
    await signIn(page, ACCOUNTS.partnerAdmin);
    await expect(page).toHaveURL((url) => url.pathname === '/inbox');
    await page.goto('/organisation');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(own!.name);
    await expect(page.getByRole('heading', { name: 'Profiel' })).toBeVisible();
    // Real data from the partners subgraph: the profile and at least one service.
    await expect(page.getByText('Vestiging')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Diensten' })).toBeVisible();
    await expect(page.getByText('Nog geen diensten geregistreerd.')).toHaveCount(0);

    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Netwerkbeheer' })).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    // Nor does the portal offer the way there.
    await expect(page.getByRole('link', { name: 'Beheer' })).toHaveCount(0);

    await page.goto('/directory');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
    await expect(page.locator('main li.card')).toHaveCount(0);
  });

  test('the network admin sees the organisations and the users of the network', async ({ page }) => {
    await signIn(page, ACCOUNTS.networkAdmin);
    await expect(page).toHaveURL((url) => url.pathname === '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Netwerkbeheer' })).toBeVisible();

    // The organisation table lists the network (centre included); each opens its members.
    const organisations = page.getByRole('heading', { level: 2, name: /^Organisaties \(\d+\)$/ });
    expect(countIn(await organisations.textContent())).toBeGreaterThanOrEqual(61);
    await expect(page.getByRole('row', { name: /Landelijk Coördinatiecentrum Mensenhandel/ }).last()).toBeVisible();
    const [partner] = organisationsOf(ACCOUNTS.partnerAdmin);
    await expect(page.getByRole('rowheader', { name: partner!.name, exact: true })).toBeVisible();

    // The user table lists the demo accounts.
    await page.getByRole('link', { name: 'Gebruikers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
    const users = page.getByRole('heading', { level: 2, name: /^Gebruikers \(\d+\)$/ });
    expect(countIn(await users.textContent())).toBeGreaterThanOrEqual(Object.keys(ACCOUNTS).length);
    await expect(page.getByRole('row', { name: /coordinator@lcm-demo\.example/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /two-orgs@haven-demo\.example/ })).toBeVisible();
  });

  test('the auditor sees the audit page: the chain check and the log', async ({ page }) => {
    await signIn(page, ACCOUNTS.auditor);
    await expect(page).toHaveURL((url) => url.pathname === '/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
    await expect(page.getByRole('region', { name: /Auditketen/ })).toContainText('intact');
    // The auditor's own sign-in is in the log already.
    await expect(page.locator('main table tbody tr').filter({ hasText: 'session.login' }).first()).toBeVisible();

    // The auditor's role does not open the network-admin page.
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  });

  test('a user with two memberships is asked to choose the organisation, and the choice sticks', async ({ page, context }) => {
    const [first, second] = organisationsOf(ACCOUNTS.twoOrganisations);
    await signIn(page, ACCOUNTS.twoOrganisations);
    await expect(page).toHaveURL((url) => url.pathname === '/select-organisation');
    await expect(page.getByRole('heading', { level: 1, name: 'Kies je organisatie' })).toBeVisible();
    await expect(page.getByRole('radio')).toHaveCount(2);

    // Until a choice is made, no portal page opens: they all lead back to the choice.
    await page.goto('/organisation');
    await expect(page).toHaveURL((url) => url.pathname === '/select-organisation');

    // Not the pre-selected option, so the test sees the choice rather than a default.
    const preselected = (await page.getByRole('radio', { checked: true }).getAttribute('value')) ?? '';
    const choice = preselected === second!.id ? first! : second!;
    await page.getByRole('radio', { name: new RegExp(escapeRegExp(choice.name)) }).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/inbox');
    await page.goto('/organisation');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(choice.name);

    // It sticks: a reload, a fresh visit to the start page and the gateway itself all keep it.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(choice.name);
    await page.goto('/');
    await expect(page).toHaveURL((url) => url.pathname === '/inbox');
    await page.goto('/organisation');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(choice.name);
    const token = (await sessionCookie(context))!.value;
    const me = await gatewayRequest('{ me { activeOrganisation { id } } }', token);
    expect(me.status).toBe(200);
    expect(me.body?.data?.me?.activeOrganisation?.id).toBe(choice.id);

    // The picker shows it as the current one and offers the way back.
    await page.getByRole('link', { name: 'Wissel van organisatie' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/select-organisation');
    await expect(page.getByRole('radio', { checked: true })).toHaveAttribute('value', choice.id);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

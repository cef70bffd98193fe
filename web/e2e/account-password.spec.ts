import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, signIn } from './support/portal';

// The password form words each of identity's refusals beside the field. Only refusals: a change that succeeds
// would change a demo account's password for every later run.

test.describe('changing the password', () => {
  test('a refused new password is explained next to the field, in words for that reason', async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerStaff);
    await page.goto('/account');
    const current = page.getByLabel('Huidig wachtwoord');
    const next = page.getByLabel('Nieuw wachtwoord', { exact: true });
    const submit = page.getByRole('button', { name: 'Wachtwoord wijzigen' });

    for (const [password, message] of [
      ['veel te kort', 'Gebruik minstens 15 tekens.'],
      ['PasswordPassword', 'Dit wachtwoord staat in lijsten van gelekte of veelgebruikte wachtwoorden. Kies een ander.'],
      ['haven-haven-haven-2026', 'Zonder "Haven" en uw e-mailnaam is dit wachtwoord te kort. Kies een ander.'],
    ] as const) {
      await current.fill(DEMO_PASSWORD);
      await next.fill(password);
      await submit.click();
      await expect(page.locator('#change-password-newPassword-error')).toHaveText(message);
      // Nothing was changed: no confirmation appeared.
      await expect(page.getByText('Uw wachtwoord is gewijzigd.', { exact: false })).toHaveCount(0);
    }
  });
});

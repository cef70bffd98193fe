import { expect, test } from '@playwright/test';
import { DEMO_TOTP_SECRET } from '../../scripts/demo-network';
import { demoAuthenticatorCode } from './support/demo-authenticator';
import { ACCOUNTS, DEMO_PASSWORD, gatewayRequest, organisationsOf, signIn } from './support/portal';
import { totpAt, totpStep } from './support/totp';

// Network admins and auditors act only in a session opened with a second factor. A new network admin (made here by
// the demo one, through the API) signs in with the one-time password and sees nothing but the set-up of two-step
// sign-in; confirming the first code lets that same session into network administration.

/** The demo network admin's session, with the code of the seeded authenticator. */
async function demoAdminToken(): Promise<string> {
  const login = await gatewayRequest('mutation($input: LoginInput!) { login(input: $input) { secondFactorChallenge } }', undefined, {
    input: { email: ACCOUNTS.networkAdmin, password: DEMO_PASSWORD },
  });
  const challenge = login.body?.data?.login?.secondFactorChallenge as string;
  const code = await demoAuthenticatorCode(ACCOUNTS.networkAdmin, DEMO_TOTP_SECRET);
  const completed = await gatewayRequest('mutation($input: CompleteLoginInput!) { completeLogin(input: $input) { sessionToken } }', undefined, {
    input: { challenge, code },
  });
  return completed.body?.data?.completeLogin?.sessionToken as string;
}

test('a new network admin must set up two-step sign-in before anything else, and then gets in', async ({ page }) => {
  const token = await demoAdminToken();
  const [centre] = organisationsOf(ACCOUNTS.networkAdmin);
  const email = `netadmin-${Date.now()}@lcm-demo.example`;
  const created = await gatewayRequest(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } initialPassword } }',
    token,
    { input: { email, displayName: 'Nieuwe Netwerkbeheerder (e2e)', organisationId: centre!.id, roles: ['NETWORK_ADMIN'] } },
  );
  const { user, initialPassword } = created.body?.data?.createUser as { user: { id: string }; initialPassword: string };
  try {
    await signIn(page, email, initialPassword);
    await expect(page).toHaveURL((url) => url.pathname === '/login/two-step-setup');
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden in twee stappen instellen' })).toBeVisible();
    // Any portal page leads back here while the session has no second factor.
    await page.goto('/admin');
    await expect(page).toHaveURL((url) => url.pathname === '/login/two-step-setup');

    await page.getByRole('button', { name: 'Aanmelden in twee stappen instellen' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code', { exact: true }).fill(totpAt(secret, totpStep()));
    await page.getByRole('button', { name: 'Aanzetten' }).click();
    await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await page.getByRole('link', { name: 'Ik heb ze bewaard' }).click();

    await expect(page).toHaveURL((url) => url.pathname === '/admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Netwerkbeheer' })).toBeVisible();
    // On the account page it shows as on and cannot be turned off.
    await page.goto('/account');
    await expect(page.getByText('u kunt het niet uitzetten', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Aanmelden in twee stappen uitzetten' })).toHaveCount(0);
  } finally {
    await gatewayRequest('mutation($id: ID!) { deactivateUser(userId: $id) { id } }', token, { id: user.id });
    await gatewayRequest('mutation { logout }', token);
  }
});

import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD, gatewayRequest, signIn } from './support/portal';
import { totpAt, totpStep } from './support/totp';

// A demo partner admin turns on two-step sign-in in the portal, signs in with a code the test computes as an
// authenticator app would, and turns it off again with a recovery code — so the demo account is left as it was
// and the suite can run again against the same stack. (Not the network admin: that role needs two-step sign-in,
// is seeded with it and may not turn it off — two-factor-required.spec.ts.)

const COMPLETE = 'mutation($input: CompleteLoginInput!) { completeLogin(input: $input) { sessionToken } }';

/** If a run stopped half-way, turn two-step sign-in off again through the API with a recovery code. */
async function turnOffWith(recoveryCodes: string[]): Promise<void> {
  const login = await gatewayRequest('mutation($input: LoginInput!) { login(input: $input) { sessionToken secondFactorChallenge } }', undefined, {
    input: { email: ACCOUNTS.partnerAdmin, password: DEMO_PASSWORD },
  });
  const challenge = login.body?.data?.login?.secondFactorChallenge as string | undefined;
  if (!challenge) return; // off already
  const [first, second] = recoveryCodes;
  const completed = await gatewayRequest(COMPLETE, undefined, { input: { challenge, code: first } });
  const token = completed.body?.data?.completeLogin?.sessionToken as string;
  await gatewayRequest('mutation($code: String!) { disableTotp(code: $code) }', token, { code: second });
  await gatewayRequest('mutation { logout }', token);
}

test.describe('two-step sign-in', () => {
  let recoveryCodes: string[] = [];
  test.afterEach(async () => {
    if (recoveryCodes.length >= 2) await turnOffWith(recoveryCodes.slice(-2));
  });

  test('a partner admin turns it on with a QR code, then signs in with a code from the app, and turns it off with a recovery code', async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerAdmin);
    await page.goto('/account');
    await expect(page.getByRole('heading', { level: 1, name: 'Uw account' })).toBeVisible();
    await page.getByRole('button', { name: 'Aanmelden in twee stappen instellen' }).click();

    await expect(page.getByRole('img', { name: 'QR-code voor uw authenticator-app' })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const enrolStep = totpStep();
    await page.getByLabel('Code', { exact: true }).fill(totpAt(secret, enrolStep));
    await page.getByRole('button', { name: 'Aanzetten' }).click();

    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    await page.getByRole('link', { name: 'Ik heb ze bewaard' }).click();
    await expect(page.getByText('Herstelcodes over: 10.')).toBeVisible();

    // Sign out and in again: the password alone no longer opens a session.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(ACCOUNTS.partnerAdmin);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/login/code');

    await page.getByLabel('Code').fill('000000' === totpAt(secret, enrolStep + 1) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await expect(page.getByText('Deze code klopt niet.', { exact: false })).toBeVisible();

    // The enrolment's own code was spent; the next step's code (one step ahead is allowed) opens the session.
    await page.getByLabel('Code').fill(totpAt(secret, enrolStep + 1));
    await page.getByRole('button', { name: 'Doorgaan' }).click();
    await expect(page).toHaveURL((url) => !url.pathname.startsWith('/login'));
    await page.goto('/account');
    await expect(page.getByText('Aan', { exact: true })).toBeVisible();

    await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Aanmelden in twee stappen uitzetten' }).click();
    await expect(page.getByText('Aanmelden in twee stappen staat uit.')).toBeVisible();
    recoveryCodes = [];
    await page.getByRole('button', { name: 'Uitloggen' }).click();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the code step is a plain form: a coordinator with two-step sign-in gets in with a code', async ({ page }) => {
      // Enrol through the API, as the account page would.
      const login = await gatewayRequest('mutation($input: LoginInput!) { login(input: $input) { sessionToken } }', undefined, {
        input: { email: ACCOUNTS.coordinator, password: DEMO_PASSWORD },
      });
      const token = login.body?.data?.login?.sessionToken as string;
      const started = await gatewayRequest('mutation { startTotpEnrolment { secret } }', token);
      const secret = started.body?.data?.startTotpEnrolment?.secret as string;
      const step = totpStep();
      const confirmed = await gatewayRequest('mutation($code: String!) { confirmTotpEnrolment(code: $code) { codes } }', token, { code: totpAt(secret, step) });
      const codes = confirmed.body?.data?.confirmTotpEnrolment?.codes as string[];
      expect(codes).toHaveLength(10);
      try {
        await page.goto('/login');
        await page.getByLabel('E-mailadres').fill(ACCOUNTS.coordinator);
        await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await expect(page).toHaveURL((url) => url.pathname === '/login/code');
        await page.getByLabel('Code').fill(totpAt(secret, step + 1));
        await page.getByRole('button', { name: 'Doorgaan' }).click();
        await expect(page).toHaveURL((url) => url.pathname === '/cases');
      } finally {
        await gatewayRequest('mutation($code: String!) { disableTotp(code: $code) }', token, { code: codes[0] });
        await gatewayRequest('mutation { logout }', token);
      }
    });
  });
});

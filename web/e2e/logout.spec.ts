import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectLoginPage, gatewayRequest, SESSION_COOKIE, sessionCookie, signIn } from './support/portal';

test('logout ends the session: the old cookie value no longer works at the gateway or in the portal', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.partnerStaff);
  await expect(page).toHaveURL((url) => url.pathname === '/inbox');
  const cookie = (await sessionCookie(context))!;
  expect(cookie).toBeDefined();

  // Before logout the value is a working session at the gateway…
  const before = await gatewayRequest('{ me { user { id } } }', cookie.value);
  expect(before.status).toBe(200);
  expect(before.body?.data?.me?.user?.id).toBeTruthy();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('reason') === 'logged-out');
  await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();

  // …after it, replaying it is refused: the session ended on the server, not only in this browser.
  const after = await gatewayRequest('{ me { user { id } } }', cookie.value);
  expect(after.status).toBe(401);
  expect(after.body?.data?.me).toBeFalsy();

  // A browser that kept a copy of the cookie gets the login page, and loses the copy on the way.
  await context.addCookies([{ ...cookie, name: SESSION_COOKIE }]);
  await page.goto('/organisation');
  await expectLoginPage(page);
  expect(await sessionCookie(context)).toBeUndefined();
});

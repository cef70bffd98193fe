import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, signIn } from './support/portal';
import { saveScreenshot } from './support/screenshots';

/**
 * Down to a phone held upright, every main page fits its width (nothing but a table scrolls sideways, inside
 * its own scroll box), and the portal loads nothing from anywhere but itself: no CDN, no web font service —
 * it works offline. Phone screenshots of the main pages are saved for people to look at.
 */
test.use({ viewport: { width: 375, height: 740 } });

async function fitsThePhone(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} is wider than the phone by ${overflow}px`).toBeLessThanOrEqual(0);
}

const PAGES: { account: keyof typeof ACCOUNTS; paths: string[] }[] = [
  { account: 'coordinator', paths: ['/cases', '/cases/new', '/directory'] },
  { account: 'partnerStaff', paths: ['/inbox', '/inbox?view=ended', '/organisation/capacity'] },
  { account: 'partnerAdmin', paths: ['/organisation', '/organisation/profile', '/organisation/staff', '/organisation/tokens'] },
  { account: 'networkAdmin', paths: ['/admin', '/admin/users'] },
  { account: 'auditor', paths: ['/audit'] },
];

for (const { account, paths } of PAGES) {
  test(`${account}: main pages fit a phone and load nothing from elsewhere`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') elsewhere.push(url.origin);
    });
    await signIn(page, ACCOUNTS[account]);
    for (const path of paths) {
      await page.goto(path);
      await fitsThePhone(page, path);
      await saveScreenshot(page, `phone-${account}${path.replace(/[/?=]+/g, '-')}`);
    }
    expect([...new Set(elsewhere)]).toEqual([]);
  });
}

test('the login page fits a phone', async ({ page }) => {
  await page.goto('/login');
  await fitsThePhone(page, '/login');
  await saveScreenshot(page, 'phone-login');
});

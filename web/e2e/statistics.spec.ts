import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, signIn } from './support/portal';

// Issue 8's network statistics in the browser: coordinators and auditors see charts drawn on the server with
// a table beside each, suppressed cells as "<5", a CSV with the same suppression; everyone else is refused.

/** A count cell's text: a number of 0 or 5 and more, "<5", or a percentage / hours (measures). */
const SMALL_NUMBER = /^[1-4]$/;

test.describe('network statistics', () => {
  test('an auditor sees the quarter as charts and tables, no small number anywhere, and downloads the same as CSV', async ({ page }) => {
    await signIn(page, ACCOUNTS.auditor);
    await page.goto('/statistics');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Statisti/);
    // Charts are SVG rendered on the server, hidden from assistive technology; the tables carry the figures.
    await expect(page.locator('figure svg[aria-hidden="true"]')).toHaveCount(3);
    // Counts of people: every referral cell and the held slots (services and slots count places, not people).
    const cells = [
      ...(await page.locator('section[aria-labelledby="weeks-heading"] td, section[aria-labelledby="outcomes-heading"] td').allInnerTexts()),
      ...(await page.locator('section[aria-labelledby="capacity-heading"] tbody tr td:nth-child(5)').allInnerTexts()),
    ];
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((text) => SMALL_NUMBER.test(text.trim()))).toEqual([]);

    const link = page.locator('a[href^="/statistics/csv?"]');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^haven-statistics-\d{4}-q[1-4]\.csv$/);
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    expect(response.headers()['cache-control']).toContain('no-store');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('section,dimension_1,dimension_2,measure,value');
    const counts = lines.slice(1).filter((line) => !/,(services|total_slots|acceptance_rate|utilisation|median_[a-z_]+),/.test(line));
    expect(counts.filter((line) => SMALL_NUMBER.test(line.split(',').at(-1)!))).toEqual([]);

    await expectNoSeriousViolations(page, 'statistics');
  });

  test('a period the API does not offer is refused on the server and the current quarter shown instead', async ({ page }) => {
    await signIn(page, ACCOUNTS.coordinator);
    await page.goto('/statistics?year=2099&quarter=7');
    // In <main>: Next's route announcer is an alert of its own.
    await expect(page.locator('main').getByRole('alert')).toBeVisible();
    await expect(page.locator('table').first()).toBeVisible();
    const refused = await page.request.get('/statistics/csv?year=2099&quarter=7');
    expect(refused.status()).toBe(400);
  });

  test('partner staff and network admins get neither the page nor the CSV', async ({ browser }) => {
    for (const account of [ACCOUNTS.partnerStaff, ACCOUNTS.networkAdmin]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, account);
      await expect(page.locator('nav a[href="/statistics"]')).toHaveCount(0);
      await page.goto('/statistics');
      await expect(page.locator('table')).toHaveCount(0);
      const csv = await page.request.get('/statistics/csv');
      expect(csv.status()).toBe(403);
      expect(await csv.text()).not.toContain('section,');
      await context.close();
    }
  });
});

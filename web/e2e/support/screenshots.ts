import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Screenshots of the main pages, saved by every run for people to look at (web/test-results/screenshots,
 * not committed). Full page, at the viewport the test uses.
 */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

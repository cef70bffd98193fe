import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the portal (web/e2e/), run against a stack that is already running — they start
 * nothing themselves:
 *
 *   npm start                                   (in one terminal; portal :3000, gateway :4000)
 *   npx playwright test -c web/playwright.config.ts
 *
 * CI runs them from scripts/smoke.ts against the stack it started on free ports, passing the addresses in
 * HAVEN_E2E_PORTAL_URL and HAVEN_E2E_GATEWAY_URL (defaults: npm start's). The browser is Debian's
 * Chromium (TOOLCHAIN.md: Playwright's own download does not work here); HAVEN_E2E_CHROMIUM points
 * elsewhere if needed. Tests only read the demo network and sign in and out with demo accounts, so they
 * are safe to repeat against a long-running `npm start`.
 */

const portalUrl = process.env.HAVEN_E2E_PORTAL_URL || 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // One worker, in file order: the suite is small, and one browser keeps the stack's load (and the
  // login throttle) predictable.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    // 127.0.0.1 rather than localhost: the stack binds IPv4 loopback only.
    baseURL: portalUrl.replace('://localhost', '://127.0.0.1'),
    browserName: 'chromium',
    headless: true,
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.HAVEN_E2E_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

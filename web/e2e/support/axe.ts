import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Issue 6's accessibility bar, shared by every spec: axe-core reports no serious or critical WCAG 2.1
 * A/AA violation. Minor and moderate findings are not part of the bar, so they do not fail the run.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** A phone held upright: the portal is responsive down to here, and some problems only exist at this width. */
const PHONE = { width: 375, height: 740 };

/**
 * Runs axe on the page as it stands, at the test's own viewport and at a phone's width, and fails with each
 * blocking violation's id, impact and targets.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  // The page's own content has rendered (a heading) before axe looks, so it never checks a blank page.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const desktop = page.viewportSize();
  const described: string[] = [];
  for (const [width, size] of [['desktop', desktop], ['phone', PHONE]] as const) {
    if (size) await page.setViewportSize(size);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    for (const violation of results.violations.filter((found) => BLOCKING.has(found.impact ?? ''))) {
      described.push(
        `${violation.id} (${violation.impact}, ${width}): ${violation.help}\n` +
          violation.nodes.map((node) => `    at ${node.target.map(String).join(' ')}`).join('\n'),
      );
    }
  }
  if (desktop) await page.setViewportSize(desktop);
  expect(described, `${label} (${new URL(page.url()).pathname}) has accessibility violations:\n${described.join('\n')}`).toEqual([]);
}

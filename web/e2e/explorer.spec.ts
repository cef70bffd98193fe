import { expect, test, type Page, type Request } from '@playwright/test';
// The seed's own definition: the explorer must show the signed-in account's own id.
import { buildDemoNetwork } from '../../scripts/demo-network';
import { ACCOUNTS, GATEWAY_URL } from './support/portal';
import { tokenFor } from './support/referral-fixture';

// Issue 7: the gateway's own API explorer (GraphiQL, GET /explorer) works from the gateway's origin alone,
// sends the token the caller pastes in as `Authorization: Bearer …`, and keeps that token out of storage.

const gatewayOrigin = new URL(GATEWAY_URL).origin;
const coordinatorId = buildDemoNetwork().users.find((user) => user.email === ACCOUNTS.coordinator)!.id;

/** Replaces the whole text of the Monaco editor inside `editor` (typed, then confirmed as typed). */
async function replaceEditorText(page: Page, editor: ReturnType<Page['locator']>, text: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText: one input event, so Monaco's auto-closing of brackets and quotes does not double them.
  await page.keyboard.insertText(text);
}

test.describe('API explorer', () => {
  test('runs a query with a pasted token and shows the account, talking to nobody but the gateway and storing no token', async ({ page }) => {
    const token = await tokenFor(ACCOUNTS.coordinator);
    const requests: string[] = [];
    const policyViolations: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });

    await page.goto(`${gatewayOrigin}/explorer`);
    await expect(page).toHaveTitle('Haven API explorer');
    // The default operation asks for the caller's own id.
    const queryEditor = page.locator('.graphiql-query-editor');
    await expect(queryEditor).toContainText('WhoAmI');

    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor').last();
    await expect(headersEditor).toContainText('Bearer <paste your token here>');
    await replaceEditorText(page, headersEditor, JSON.stringify({ Authorization: `Bearer ${token}` }));

    const sent = page.waitForRequest((request: Request) => request.url() === `${gatewayOrigin}/graphql` && /WhoAmI/.test(request.postData() ?? ''));
    await page.getByRole('button', { name: /execute query/i }).click();
    const request = await sent;
    expect(request.method()).toBe('POST');
    expect(await request.headerValue('authorization')).toBe(`Bearer ${token}`);
    expect(await request.headerValue('content-type')).toBe('application/json');

    await expect(page.locator('.graphiql-response')).toContainText(coordinatorId);
    await expect(page.locator('.graphiql-response')).not.toContainText('"errors"');

    const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== gatewayOrigin);
    expect(elsewhere).toEqual([]);
    expect(policyViolations).toEqual([]);

    // The token lived in the editor and the request only: neither storage holds it.
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(stored).not.toContain(token);
    expect(JSON.parse(stored).local).toEqual({});
    // …while the run itself was kept, in sessionStorage (gone with the browser tab).
    expect(JSON.parse(stored).session['graphiql:queries']).toContain('WhoAmI');
  });
});

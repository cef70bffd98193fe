import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, signIn } from './support/portal';
import { ensureFreeSlot, partnerServices } from './support/referral-fixture';
import { saveScreenshot } from './support/screenshots';

/**
 * Issue 6's journey end to end, every step through the portal's own pages, two organisations side by side:
 * the coordinator opens a case, records consent for identity and contact, matches and refers to the demo
 * partner's crisis bed; the partner's staff see only minimal facts, accept, then see the consented data
 * (health withheld), message the coordinator, record the intake and close with an outcome; the coordinator
 * follows it on the timeline and in the thread and closes the case. Staff of another partner organisation
 * see nothing of it — not in their inbox, not by its address. Fictional data, fresh per run.
 */

test.describe.configure({ mode: 'serial' });

const PERSON = `Demo Reiziger ${randomUUID().slice(0, 8)}`;
const PHONE = '+31 6 11111111';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('a case travels from the coordinator to a partner and back, and another partner sees nothing of it', async ({ browser }) => {
  test.setTimeout(240_000);
  // The partner's crisis bed must have a free place, as its staff would state it.
  const crisisBed = (await partnerServices(ACCOUNTS.partnerStaff)).find((service) => service.type === 'CRISIS_ACCOMMODATION');
  if (!crisisBed) throw new Error('the demo partner has no crisis accommodation');
  await ensureFreeSlot(crisisBed);

  // ── Coordinator: a new case with personal data ──
  const coordinator = await signedIn(browser, ACCOUNTS.coordinator);
  await coordinator.goto('/cases/new');
  await coordinator.getByRole('radio', { name: 'Spoed' }).check();
  await coordinator.getByRole('checkbox', { name: 'Crisisopvang', exact: true }).check();
  await coordinator.getByLabel('Leeftijd', { exact: true }).fill('34');
  await coordinator.getByLabel('Gender').selectOption({ label: 'Man' });
  await coordinator.getByRole('textbox', { name: 'Talen' }).fill('nl');
  await coordinator.getByLabel('Plaats', { exact: true }).fill('Amsterdam');
  await coordinator.getByLabel('Naam', { exact: true }).fill(PERSON);
  await coordinator.getByLabel('Telefoonnummer').fill(PHONE);
  await coordinator.getByRole('button', { name: 'Casus aanmaken' }).click();
  await coordinator.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
  const caseUrl = new URL(coordinator.url()).pathname;
  const reference = ((await coordinator.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  expect(reference).toMatch(/^HVN-/);

  // Consent: identity and contact for referral and care, the whole network; health is not part of it.
  await coordinator.goto(`${caseUrl}/consent`);
  await coordinator.getByRole('radio', { name: 'Toestemming cliënt' }).check();
  for (const category of ['Identiteit', 'Contactgegevens']) await coordinator.getByRole('checkbox', { name: category, exact: true }).check();
  await coordinator.getByRole('checkbox', { name: 'Verwijzing en zorg' }).check();
  await coordinator.getByRole('checkbox', { name: 'Het hele netwerk' }).check();
  await coordinator.getByRole('radio', { name: 'Cliënt zelf' }).check();
  await coordinator.getByRole('radio', { name: 'Mondeling' }).check();
  await coordinator.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(coordinator.getByRole('status').filter({ hasText: 'De toestemming is vastgelegd.' })).toBeVisible();

  // Match and send to the partner's crisis bed (ranked, so it is offered).
  await coordinator.goto(`${caseUrl}/match`);
  const choice = coordinator.locator(`#send-service-${crisisBed.id}`);
  await expect(choice).toBeEnabled();
  await choice.check();
  await coordinator.getByRole('button', { name: 'Verwijzing versturen naar gekozen aanbod' }).click();
  await expect(coordinator.getByRole('status').filter({ hasText: /verstuurd/ })).toBeVisible();

  // ── Partner staff: the inbox, minimal facts, accept, consented data ──
  const partner = await signedIn(browser, ACCOUNTS.partnerStaff);
  await expect(partner).toHaveURL((url) => url.pathname === '/inbox');
  const row = partner.getByRole('row').filter({ has: partner.getByRole('link', { name: reference }) });
  await expect(row).toBeVisible();
  await saveScreenshot(partner, 'journey-partner-inbox');
  await row.getByRole('link', { name: reference }).click();
  await expect(partner.getByRole('heading', { level: 1, name: `Verwijzing ${reference}` })).toBeVisible();
  const referralPath = new URL(partner.url()).pathname;
  await expect(partner.getByRole('main')).not.toContainText(PERSON);
  await expect(partner.getByRole('main')).not.toContainText(PHONE);
  await expect(partner.getByRole('heading', { name: 'Persoonsgegevens' })).toHaveCount(0);

  await partner.getByRole('button', { name: 'Accepteren' }).click();
  await expect(partner.getByText('De verwijzing is geaccepteerd.')).toBeVisible();
  await expect(partner.getByRole('region', { name: 'Identiteit' })).toContainText(PERSON);
  await expect(partner.getByRole('region', { name: 'Contactgegevens' })).toContainText(PHONE);
  await expect(partner.getByRole('region', { name: 'Gezondheid' })).toContainText('Achtergehouden: geen toestemming');
  await expectNoSeriousViolations(partner, 'partner referral after accepting');
  await saveScreenshot(partner, 'journey-partner-referral-accepted');

  const question = `Wanneer kan de intake plaatsvinden? (${randomUUID().slice(0, 6)})`;
  const thread = partner.getByRole('region', { name: 'Berichten' });
  await thread.getByLabel('Nieuw bericht').fill(question);
  await thread.getByRole('button', { name: 'Versturen' }).click();
  await expect(thread.getByRole('listitem').filter({ hasText: question })).toBeVisible();

  // ── Coordinator: the referral accepted, the partner's question, an answer ──
  await coordinator.goto(caseUrl);
  await expect(coordinator.getByRole('listitem').filter({ hasText: 'Verwijzing geaccepteerd' }).first()).toBeVisible();
  await coordinator.getByRole('link', { name: crisisBed.name }).first().click();
  const coordinatorThread = coordinator.getByRole('region', { name: 'Berichten' });
  await expect(coordinatorThread.getByRole('listitem').filter({ hasText: question })).toBeVisible();
  const answer = `Vandaag om 15:00 (${randomUUID().slice(0, 6)})`;
  await coordinatorThread.getByLabel('Nieuw bericht').fill(answer);
  await coordinatorThread.getByRole('button', { name: 'Versturen' }).click();
  await expect(coordinatorThread.getByRole('listitem').filter({ hasText: answer })).toBeVisible();

  // ── Coordinator: the person withdraws consent for their contact details; it bites on the partner's next request ──
  await coordinator.goto(`${caseUrl}/consent`);
  const record = coordinator.getByRole('article').first();
  await record.getByText('Toestemming intrekken').click();
  await record.getByRole('checkbox', { name: 'Contactgegevens' }).check();
  await record.getByRole('button', { name: 'Intrekken' }).click();
  await expect(record.getByRole('status').filter({ hasText: 'De gekozen categorieën zijn ingetrokken.' })).toBeVisible();
  await expectNoSeriousViolations(coordinator, 'consent after a withdrawal');

  // ── Partner: the contact details are withheld now, the name still shown; reads the answer, intake, close ──
  await partner.reload();
  await expect(partner.getByRole('region', { name: 'Contactgegevens' })).toContainText('Achtergehouden: geen toestemming');
  await expect(partner.getByRole('main')).not.toContainText(PHONE);
  await expect(partner.getByRole('region', { name: 'Identiteit' })).toContainText(PERSON);
  await expect(thread.getByRole('listitem').filter({ hasText: answer })).toBeVisible();
  await partner.getByRole('button', { name: 'Intake vastleggen' }).click();
  await expect(partner.getByText('De intake is vastgelegd.')).toBeVisible();
  await partner.getByLabel('Uitkomst').selectOption({ label: 'Traject afgerond' });
  await partner.getByRole('button', { name: 'Zorg afsluiten' }).click();
  await expect(partner.getByText('De zorg is afgesloten.')).toBeVisible();

  // ── Coordinator: the whole story on the timeline, then the case is closed ──
  await coordinator.goto(caseUrl);
  for (const step of ['Verwijzing verstuurd', 'Verwijzing geaccepteerd', 'Intake gedaan', 'Zorg afgesloten']) {
    await expect(coordinator.getByRole('listitem').filter({ hasText: step }).first()).toBeVisible();
  }
  await saveScreenshot(coordinator, 'journey-coordinator-case-after-care');
  await coordinator.getByLabel('Reden (optioneel)').fill('Zorgtraject afgerond');
  await coordinator.getByRole('button', { name: 'Casus sluiten' }).click();
  await expect(coordinator.getByRole('main')).toContainText('Gesloten');

  // ── Another partner organisation: nothing of it, in the inbox or by address ──
  const stranger = await signedIn(browser, ACCOUNTS.otherPartnerStaff);
  await stranger.goto('/inbox');
  await expect(stranger.getByRole('link', { name: reference })).toHaveCount(0);
  await stranger.goto('/inbox?view=ended');
  await expect(stranger.getByRole('link', { name: reference })).toHaveCount(0);
  await stranger.goto(referralPath);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Verwijzing niet gevonden' })).toBeVisible();
  const strangerView = stranger.getByRole('main');
  for (const secret of [PERSON, PHONE, reference, question, answer]) await expect(strangerView).not.toContainText(secret);
  await stranger.goto(caseUrl);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Geen toegang' })).toBeVisible();
  for (const secret of [PERSON, PHONE, reference]) await expect(stranger.getByRole('main')).not.toContainText(secret);
});

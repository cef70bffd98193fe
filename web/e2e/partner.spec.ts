import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { ACCOUNTS, signIn } from './support/portal';
import { createSentReferral as createReferral, grantEmergencyAccess, partnerTransition, postMessageAs, withdrawIfOpen, type SentReferral } from './support/referral-fixture';
import { saveScreenshot } from './support/screenshots';

/**
 * The partner staff journey (issue 6): inbox → a referral with only the minimal facts → accept (personal
 * data as consent allows, the rest marked withheld) → intake → close; decline with a reason; messages;
 * capacity in one click; and another organisation's staff seeing nothing of it. Every test makes its own
 * referral through the gateway (support/referral-fixture.ts), so none depends on the seed's states or on
 * another test.
 */

const COUNTDOWN = /nog \d+ (d|uur|min)|over tijd/;

async function openReferral(page: Page, referralId: string, reference: string) {
  await page.goto(`/inbox/${referralId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Verwijzing ${reference}` })).toBeVisible();
}

/** The referrals this test made: withdrawn afterwards when still open, so runs leave the demo inbox tidy. */
let made: string[] = [];
async function createSentReferral(options?: Parameters<typeof createReferral>[0]): Promise<SentReferral> {
  const referral = await createReferral(options);
  made.push(referral.referralId);
  return referral;
}

test.describe('partner staff', () => {
  test.afterEach(async () => {
    for (const referralId of made) await withdrawIfOpen(referralId);
    made = [];
  });

  test('the inbox lists referrals waiting for an answer with their deadline counting down', async ({ page }) => {
    const referral = await createSentReferral({ urgency: 'IMMEDIATE' });
    await signIn(page, ACCOUNTS.partnerStaff);
    await page.goto('/inbox');
    await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    const waiting = page.getByRole('group', { name: /^Wacht op jullie antwoord/ });
    const row = waiting.getByRole('row').filter({ has: page.getByRole('link', { name: referral.reference }) });
    await expect(row).toBeVisible();
    await expect(row).toContainText(COUNTDOWN);
    await expect(row).toContainText('Direct gevaar');
    // Immediate danger comes first: the first row of the waiting list is one.
    await expect(waiting.locator('tbody tr').first()).toContainText('Direct gevaar');
    await expect(page.getByText(/met direct gevaar wacht/)).toBeVisible();
    await expectNoSeriousViolations(page, 'partner inbox');
    await saveScreenshot(page, 'partner-inbox');

    await page.getByRole('link', { name: 'Afgerond' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^Afgeronde verwijzingen/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'partner inbox, ended');
  });

  test('a sent referral shows only the minimal facts; accepting shows what consent allows and marks the rest withheld', async ({ page }) => {
    const referral = await createSentReferral({ consented: ['IDENTITY', 'CONTACT'] });
    await signIn(page, ACCOUNTS.partnerStaff);
    await openReferral(page, referral.referralId, referral.reference);
    const main = page.getByRole('main');
    await expect(main).toContainText('Verstuurd');
    await expect(main).toContainText(COUNTDOWN);
    await expect(main).toContainText('Tot je de verwijzing accepteert zie je alleen de basisgegevens');
    await expect(main).not.toContainText(referral.personName);
    await expect(main).not.toContainText('0600000000');
    await expect(page.getByRole('heading', { name: 'Persoonsgegevens' })).toHaveCount(0);
    await expectNoSeriousViolations(page, 'partner referral, sent');
    await saveScreenshot(page, 'partner-referral-sent');

    await page.getByRole('button', { name: 'Accepteren' }).click();
    await expect(page.getByText('De verwijzing is geaccepteerd.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' })).toBeVisible();
    await expect(main).toContainText(referral.personName);
    await expect(main).toContainText('0600000000');
    // Health and case notes had no consent: said in words, their contents nowhere.
    await expect(page.getByText('Achtergehouden: geen toestemming')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Gezondheid' })).toContainText('Achtergehouden: geen toestemming');
    await expect(main).not.toContainText('Fictieve gezondheidsnotitie');
    await expectNoSeriousViolations(page, 'partner referral, accepted');
    await saveScreenshot(page, 'partner-referral-accepted');
  });

  test('before accepting, shows only a category the coordinator opened by emergency access, flagged as such', async ({ page }) => {
    const referral = await createSentReferral({ consented: ['IDENTITY', 'CONTACT'] });
    await grantEmergencyAccess(referral.caseId, 'CONTACT');
    await signIn(page, ACCOUNTS.partnerStaff);
    await openReferral(page, referral.referralId, referral.reference);
    const main = page.getByRole('main');
    await expect(page.getByRole('heading', { level: 2, name: 'Persoonsgegevens' })).toBeVisible();
    const contact = page.getByRole('region', { name: 'Contactgegevens' });
    await expect(contact).toContainText('0600000000');
    await expect(contact).toContainText('Geopend via noodtoegang');
    // Consent alone opens nothing before accepting.
    await expect(page.getByRole('region', { name: 'Identiteit' })).toContainText('Achtergehouden: geen toestemming');
    await expect(main).not.toContainText(referral.personName);
    await expectNoSeriousViolations(page, 'partner referral, sent with emergency access');
  });

  test('records the intake, then closes care with an outcome (other needs words)', async ({ page }) => {
    const referral = await createSentReferral();
    await partnerTransition(referral.referralId, 'accept');
    await signIn(page, ACCOUNTS.partnerStaff);
    await openReferral(page, referral.referralId, referral.reference);

    await page.getByRole('button', { name: 'Intake vastleggen' }).click();
    await expect(page.getByText('De intake is vastgelegd.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('In zorg');

    await page.getByLabel('Uitkomst').selectOption({ label: 'Anders' });
    await page.getByRole('button', { name: 'Zorg afsluiten' }).click();
    await expect(page.locator('#close-text-error')).toHaveText('Vul dit veld in.');
    // The refused form comes back as it was filled in.
    await expect(page.getByLabel('Uitkomst')).toHaveValue('OTHER');
    await page.getByLabel('Toelichting').fill('Doorgestroomd naar een andere vorm van zorg (test).');
    await page.getByRole('button', { name: 'Zorg afsluiten' }).click();
    await expect(page.getByText('De zorg is afgesloten.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Afgesloten');
    // Once care has ended, the person's data is no longer shown.
    await expect(page.getByRole('main')).not.toContainText(referral.personName);
    await expectNoSeriousViolations(page, 'partner referral, closed');
  });

  test('declines a referral with a reason', async ({ page }) => {
    const referral = await createSentReferral();
    await signIn(page, ACCOUNTS.partnerStaff);
    await openReferral(page, referral.referralId, referral.reference);

    // No reason chosen: refused beside the field, nothing changed.
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await expect(page.locator('#decline-reason-error')).toHaveText('Vul dit veld in.');
    await expect(page.getByRole('main')).toContainText('Verstuurd');
    await page.getByLabel('Reden').selectOption({ label: 'Geen plek' });
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await expect(page.getByText('De verwijzing is afgewezen.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Afgewezen');
    await expect(page.getByRole('main')).toContainText('Geen plek');
    await expect(page.getByRole('button', { name: 'Accepteren' })).toHaveCount(0);
  });

  test('reads the coordinator’s message (marked new once), answers it; an empty answer is refused', async ({ page }) => {
    const referral = await createSentReferral();
    const question = `Vraag van de coördinator ${randomUUID().slice(0, 8)}`;
    await postMessageAs(ACCOUNTS.coordinator, referral.referralId, question);
    await signIn(page, ACCOUNTS.partnerStaff);
    await openReferral(page, referral.referralId, referral.reference);
    const thread = page.getByRole('region', { name: 'Berichten' });
    const received = thread.getByRole('listitem').filter({ hasText: question });
    await expect(received).toContainText('Coördinator');
    await expect(received).toContainText('Nieuw');
    await expect(thread).toContainText('1 nieuw bericht');

    await thread.getByRole('button', { name: 'Versturen' }).click();
    await expect(thread.locator('.field-error')).toHaveText('Vul dit veld in.');

    const answer = `Antwoord ${randomUUID().slice(0, 8)}`;
    await thread.getByLabel('Nieuw bericht').fill(answer);
    await thread.getByRole('button', { name: 'Versturen' }).click();
    const sent = thread.getByRole('listitem').filter({ hasText: answer });
    await expect(sent).toBeVisible();
    await expect(sent).toContainText('Jij');
    await expect(thread.getByLabel('Nieuw bericht')).toHaveValue('');
    // Opening the thread marked it read: the question is no longer new.
    await expect(received).not.toContainText('Nieuw');
    await expectNoSeriousViolations(page, 'partner referral, messages');
  });

  test('changes a service’s free places in one click, or states them in full', async ({ page }) => {
    await signIn(page, ACCOUNTS.partnerStaff);
    await page.goto('/organisation/capacity');
    await expect(page.getByRole('heading', { level: 1, name: 'Capaciteit' })).toBeVisible();
    const service = page.locator('main section.card').first();
    const available = service.getByTestId('available');
    const before = Number(await available.textContent());

    await service.getByRole('button', { name: '+1 vrije plek' }).click();
    await expect(available).toHaveText(String(before + 1));
    await service.getByRole('button', { name: '−1 vrije plek' }).click();
    await expect(available).toHaveText(String(before));
    await expectNoSeriousViolations(page, 'capacity');
    await saveScreenshot(page, 'partner-capacity');

    // "Full" leaves no free place; the full form puts the total back (and refuses what is not a number).
    const total = await service.getByTestId('total').textContent();
    await service.getByRole('button', { name: 'Vol', exact: true }).click();
    await expect(available).toHaveText('0');
    await service.getByText('Alles aanpassen').click();
    const totalField = service.getByLabel('Totaal aantal plekken');
    await totalField.fill('veel');
    await service.getByRole('button', { name: 'Opslaan en bevestigen' }).click();
    await expect(service.locator('.field-error')).toHaveText('Vul een heel getal in.');
    await expect(available).toHaveText('0');
    await totalField.fill(total ?? '');
    await service.getByRole('button', { name: 'Opslaan en bevestigen' }).click();
    await expect(available).toHaveText(String(before));
  });

  test('staff of another organisation get nothing of a referral that is not theirs', async ({ page }) => {
    const referral = await createSentReferral();
    await signIn(page, ACCOUNTS.otherPartnerStaff);
    await page.goto(`/inbox/${referral.referralId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Verwijzing niet gevonden' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).not.toContainText(referral.reference);
    await expect(main).not.toContainText(referral.personName);
    await expect(page.getByRole('button', { name: 'Accepteren' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Berichten' })).toHaveCount(0);
    await expectNoSeriousViolations(page, 'referral of another organisation');

    await page.goto('/inbox');
    await expect(page.getByRole('link', { name: referral.reference })).toHaveCount(0);
  });
});

import { portalLink } from '@haven/kit/src/mail/mail-config';
import type { Prisma } from '../generated/prisma/client';

/** Where links in identity's mails point: the portal's public address. */
export interface AccountMailSettings {
  portalUrl: string;
}

export const DEFAULT_ACCOUNT_MAIL_SETTINGS: AccountMailSettings = { portalUrl: 'http://localhost:3000' };

const link = (settings: AccountMailSettings, path: string) => portalLink({ HAVEN_PORTAL_URL: settings.portalUrl }, path);

/**
 * Puts a mail in the outbox in the caller's transaction: it goes out (services/kit/src/mail/outbox-worker.ts)
 * exactly when the transaction commits. The texts name nobody and no organisation — whoever reads over the
 * recipient's shoulder learns only that Haven sent a link — and come in Dutch and English, since the language
 * the person prefers is not known before they sign in.
 */
async function enqueue(tx: Pick<Prisma.TransactionClient, 'mailOutbox'>, to: string, subject: string, text: string): Promise<void> {
  await tx.mailOutbox.create({ data: { recipient: to, subject, body: text } });
}

export function enqueueInvitationMail(tx: Pick<Prisma.TransactionClient, 'mailOutbox'>, settings: AccountMailSettings, to: string, token: string) {
  const url = link(settings, `/invite/${token}`);
  return enqueue(
    tx,
    to,
    'Uitnodiging voor Haven / Invitation to Haven',
    [
      'U bent uitgenodigd voor een account in Haven. Kies uw wachtwoord via deze link (72 uur geldig, één keer te gebruiken):',
      url,
      '',
      'You have been invited to an account in Haven. Choose your password with this link (valid for 72 hours, once):',
      url,
      '',
      'Niet verwacht? Negeer dit bericht. / Not expected? Ignore this message.',
    ].join('\n'),
  );
}

export function enqueuePasswordResetMail(tx: Pick<Prisma.TransactionClient, 'mailOutbox'>, settings: AccountMailSettings, to: string, token: string) {
  const url = link(settings, `/reset/${token}`);
  return enqueue(
    tx,
    to,
    'Wachtwoord opnieuw instellen / Reset your Haven password',
    [
      'Kies een nieuw wachtwoord via deze link (1 uur geldig, één keer te gebruiken):',
      url,
      '',
      'Choose a new password with this link (valid for 1 hour, once):',
      url,
      '',
      'Niet aangevraagd? Negeer dit bericht; uw wachtwoord blijft hetzelfde. / Did not ask? Ignore this message; your password stays as it is.',
    ].join('\n'),
  );
}

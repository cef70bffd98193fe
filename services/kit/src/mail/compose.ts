import type Mail from 'nodemailer/lib/mailer';
import { messageIdFor, type OutgoingMail } from './outgoing-mail';

/** The nodemailer message for an outbox row: plain text only, fixed Message-ID, no tracking of any kind. */
export function composeMail(mail: OutgoingMail, from: string): Mail.Options {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: messageIdFor(mail.id, from),
    // No X-Mailer: the software version is nobody's business.
    xMailer: false,
  };
}

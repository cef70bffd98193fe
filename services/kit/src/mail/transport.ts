import type { OutgoingMail } from './outgoing-mail';

/**
 * Where outbox mail goes. `send` resolves once the message is handed over (to the SMTP server, or written to
 * the folder) and rejects when it was not; a rejection after a partial hand-over is possible with SMTP, which
 * is why every attempt of one message carries the same Message-ID.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'folder';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

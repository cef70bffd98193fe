import { z } from 'zod';
import { ConfigError } from '../config';
import { folderTransport } from './folder-transport';
import { smtpTransport } from './smtp-transport';
import type { MailTransport } from './transport';

/**
 * Mail settings for a part that sends mail. HAVEN_SMTP_URL set: mail goes out through that server. Unset:
 * mail is written to HAVEN_MAIL_DIR (the embedded demo stack uses .haven/mail). Neither set: start-up stops,
 * rather than swallowing invitations silently.
 */
export const mailConfigShape = {
  HAVEN_SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional()),
  HAVEN_MAIL_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional()),
  HAVEN_MAIL_FROM: z.string().min(3).default('Haven <no-reply@haven.localhost>'),
  /** The portal's public address, for the links in mails (no trailing slash needed). */
  HAVEN_PORTAL_URL: z.string().url().default('http://localhost:3000'),
};

export interface MailConfig {
  HAVEN_SMTP_URL?: string;
  HAVEN_MAIL_DIR?: string;
  HAVEN_MAIL_FROM: string;
  HAVEN_PORTAL_URL: string;
}

/** An SMTP attempt gives up after this; the outbox lease is longer (see outbox-worker.ts). */
export const SMTP_TIMEOUT_MS = 20_000;

export function mailTransportFrom(config: MailConfig): MailTransport {
  if (config.HAVEN_SMTP_URL) return smtpTransport({ url: config.HAVEN_SMTP_URL, from: config.HAVEN_MAIL_FROM, timeoutMs: SMTP_TIMEOUT_MS });
  if (config.HAVEN_MAIL_DIR) return folderTransport({ dir: config.HAVEN_MAIL_DIR, from: config.HAVEN_MAIL_FROM });
  throw new ConfigError('Invalid configuration: set HAVEN_SMTP_URL (send mail) or HAVEN_MAIL_DIR (write mail to a folder)');
}

/** A portal link, built from the configured address and a path starting with "/". */
export function portalLink(config: Pick<MailConfig, 'HAVEN_PORTAL_URL'>, path: string): string {
  return `${config.HAVEN_PORTAL_URL.replace(/\/+$/, '')}${path}`;
}

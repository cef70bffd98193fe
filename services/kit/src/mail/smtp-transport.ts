import nodemailer from 'nodemailer';
import { composeMail } from './compose';
import type { MailTransport } from './transport';

/**
 * Sends through an SMTP server given as an smtp:// (STARTTLS when offered) or smtps:// URL, credentials in the
 * URL. The timeouts stay well under the outbox lease, so a slow server makes an attempt fail rather than
 * outlive its claim (a second worker would otherwise send the same message alongside).
 */
export function smtpTransport(options: { url: string; from: string; timeoutMs: number }): MailTransport {
  const transporter = nodemailer.createTransport({
    ...smtpServerFrom(options.url),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(composeMail(mail, options.from));
    },
    close: () => transporter.close(),
  };
}

export function smtpServerFrom(raw: string) {
  const url = new URL(raw);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('HAVEN_SMTP_URL must be an smtp:// or smtps:// URL');
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  };
}

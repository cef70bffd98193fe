import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { composeMail } from './compose';
import { assertOutboxId } from './outgoing-mail';
import type { MailTransport } from './transport';

/** The file a message lands in: `<outbox-id>.eml`. */
export function mailFileName(id: string): string {
  return `${assertOutboxId(id)}.eml`;
}

/**
 * The demo and development transport: each message becomes `<outbox-id>.eml` in a folder instead of being sent.
 * Written to a temporary file first and then hard-linked to its name, so a reader never sees half a message,
 * and a name that exists already is left alone (link fails with EEXIST): a resend after a crash between
 * "written" and "marked sent" leaves exactly one file per outbox row.
 */
export function folderTransport(options: { dir: string; from: string }): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'folder',
    async send(mail) {
      const info = await composer.sendMail(composeMail(mail, options.from));
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      const target = join(options.dir, mailFileName(mail.id));
      const temporary = join(options.dir, `.${randomBytes(8).toString('hex')}.tmp`);
      await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      try {
        await link(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        await unlink(temporary);
      }
    },
    close: () => composer.close(),
  };
}

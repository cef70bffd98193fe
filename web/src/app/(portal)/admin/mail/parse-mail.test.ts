import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { decodeQuotedPrintable, parseMail } from './parse-mail';

/** A message exactly as identity's folder transport composes it (nodemailer's stream transport). */
async function composed(text: string, subject: string): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail({ from: 'Haven <no-reply@haven.test>', to: 'someone@example.test', subject, text, messageId: '<x@haven.test>' });
  return (info.message as Buffer).toString('utf8');
}

describe('reading a demo mail', () => {
  it('gives back a long link whole, through quoted-printable line wrapping and non-ASCII text', async () => {
    const link = `http://localhost:3000/invite/${'A'.repeat(20)}_-${'b'.repeat(21)}`;
    const text = `Kies uw wachtwoord (één keer te gebruiken, 72 uur geldig, daarna niet meer): ${link}\nTweede regel`;
    const mail = parseMail(await composed(text, 'Uitnodiging voor Haven — één keer'));
    assert.equal(mail.text, text);
    assert.equal(mail.subject, 'Uitnodiging voor Haven — één keer');
    assert.equal(mail.to, 'someone@example.test');
    assert.ok(mail.date.length > 0);
  });

  it('decodes quoted-printable escapes and soft line breaks', () => {
    assert.equal(decodeQuotedPrintable('caf=C3=A9 =\nau lait=3D'), 'café au lait=');
  });
});

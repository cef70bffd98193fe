import { ConfigError, loadConfig } from '../config';
import { z } from 'zod';
import { mailConfigShape, mailTransportFrom, portalLink } from './mail-config';
import { messageIdFor } from './outgoing-mail';
import { smtpServerFrom } from './smtp-transport';

const load = (env: Record<string, string>) => loadConfig(z.object(mailConfigShape), env);

describe('mail configuration', () => {
  it('sends through SMTP when HAVEN_SMTP_URL is set, else writes to HAVEN_MAIL_DIR, else refuses by name', () => {
    expect(mailTransportFrom(load({ HAVEN_SMTP_URL: 'smtp://relay.example.test:2525', HAVEN_MAIL_DIR: '/tmp/x' })).kind).toBe('smtp');
    expect(mailTransportFrom(load({ HAVEN_MAIL_DIR: '/tmp/x' })).kind).toBe('folder');
    expect(() => mailTransportFrom(load({}))).toThrow(ConfigError);
    expect(() => mailTransportFrom(load({}))).toThrow(/HAVEN_SMTP_URL.*HAVEN_MAIL_DIR/);
  });

  it('refuses an SMTP URL of another scheme, and reads server, TLS and credentials from a good one', () => {
    expect(() => load({ HAVEN_SMTP_URL: 'http://relay.example.test' })).toThrow(/HAVEN_SMTP_URL/);
    expect(smtpServerFrom('smtps://user%40x:p%3Ass@relay.example.test')).toEqual({
      host: 'relay.example.test',
      port: 465,
      secure: true,
      auth: { user: 'user@x', pass: 'p:ss' },
    });
    expect(smtpServerFrom('smtp://relay.example.test')).toMatchObject({ port: 587, secure: false, auth: undefined });
  });

  it('builds portal links on the configured address, with or without a trailing slash', () => {
    expect(portalLink({ HAVEN_PORTAL_URL: 'https://haven.example.test/portal/' }, '/reset/abc')).toBe('https://haven.example.test/portal/reset/abc');
    expect(portalLink({ HAVEN_PORTAL_URL: 'https://haven.example.test' }, '/reset/abc')).toBe('https://haven.example.test/reset/abc');
  });

  it("gives every attempt of one outbox row the same Message-ID, in the sender's domain, and refuses an id that is no UUID", () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(messageIdFor(id, 'Haven <no-reply@haven.example.test>')).toBe(`<${id}@haven.example.test>`);
    expect(() => messageIdFor('../../etc/passwd', 'x@y.z')).toThrow();
  });
});

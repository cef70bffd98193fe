import { createMemoryLogger } from './log';

describe('log redaction', () => {
  it('redacts sensitive keys at any depth, and emails and bearer tokens inside any string', () => {
    const log = createMemoryLogger();
    log.error('failed for someone@example.org', {
      details: { password: 'hunter2-long', nested: [{ email: 'a@example.org' }] },
      message: 'header was Bearer abc.def.ghi',
      variables: { input: { note: 'free text' } },
      count: 3,
    });
    const line = log.lines[0]!;
    expect(line).not.toMatch(/someone@example\.org|hunter2-long|a@example\.org|abc\.def\.ghi|free text/);
    const parsed = JSON.parse(line);
    expect(parsed.msg).toBe('failed for [email]');
    expect(parsed.details.password).toBe('[redacted]');
    expect(parsed.details.nested[0].email).toBe('[redacted]');
    expect(parsed.message).toBe('header was Bearer [redacted]');
    expect(parsed.variables).toBe('[redacted]');
    expect(parsed.count).toBe(3);
  });

  it('stops walking deeply nested values instead of logging them whole', () => {
    const log = createMemoryLogger();
    log.info('deep', { a: { b: { c: { d: { e: { secretish: 'x' } } } } } });
    expect(log.lines[0]).not.toContain('secretish');
  });
});

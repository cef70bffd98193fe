import { AppError, maskError } from './errors';
import { createMemoryLogger } from './log';

describe('maskError', () => {
  it('passes a known code with its message and strips internals', () => {
    const log = createMemoryLogger();
    const masked = maskError(
      { message: 'Not allowed', extensions: { code: 'FORBIDDEN', serviceName: 'cases', stacktrace: ['x'] } },
      new AppError('FORBIDDEN', 'Not allowed'),
      'req-1',
      log,
    );
    expect(masked).toEqual({ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } });
    expect(log.lines).toHaveLength(0);
  });

  it('replaces an unexpected error with a generic one carrying the request id, and logs it', () => {
    const log = createMemoryLogger();
    const masked = maskError(
      { message: 'connect ECONNREFUSED 127.0.0.1:4003', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'cases' } },
      new Error('connect ECONNREFUSED 127.0.0.1:4003'),
      'req-2',
      log,
    );
    expect(masked.message).toBe('Internal server error');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' });
    expect(JSON.stringify(masked)).not.toContain('4003');
    expect(log.lines.join()).toContain('req-2');
  });
});

describe('logger', () => {
  it('redacts fields whose names suggest personal data or secrets', () => {
    const log = createMemoryLogger();
    log.info('login failed', { email: 'x@y.invalid', password: 'p', userId: 'u1' });
    const line = JSON.parse(log.lines[0]!);
    expect(line.email).toBe('[redacted]');
    expect(line.password).toBe('[redacted]');
    expect(line.userId).toBe('u1');
  });
});

import { createMemoryLogger } from '@haven/kit/src/log';
import { maskGatewayError } from './mask-gateway-error';

describe('maskGatewayError', () => {
  it('keeps a public code and its message but drops the subgraph name', () => {
    const log = createMemoryLogger();
    const out = maskGatewayError(
      { message: 'Not allowed', path: ['case'], extensions: { code: 'FORBIDDEN', serviceName: 'cases' } },
      undefined,
      'rid-1',
      log,
    );
    expect(out).toEqual({ message: 'Not allowed', path: ['case'], locations: undefined, extensions: { code: 'FORBIDDEN' } });
    expect(log.lines).toHaveLength(0);
  });

  it('masks a refused hop to a subgraph (its URL in extensions.response) although its code looks public', () => {
    const log = createMemoryLogger();
    const out = maskGatewayError(
      {
        message: '401: Unauthorized',
        extensions: { code: 'UNAUTHENTICATED', response: { url: 'http://10.0.0.5:4003/graphql', status: 401 } },
      },
      new Error('401: Unauthorized'),
      'rid-2',
      log,
    );
    expect(out).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'rid-2' } });
    expect(JSON.stringify(out)).not.toContain('4003');
    expect(log.lines.join('\n')).toContain('rid-2');
  });

  it('masks an error without a code (e.g. connection refused) and logs it with the request id', () => {
    const log = createMemoryLogger();
    const out = maskGatewayError(
      { message: 'request to http://127.0.0.1:4002/graphql failed, reason: connect ECONNREFUSED' },
      new Error('connect ECONNREFUSED'),
      'rid-3',
      log,
    );
    expect(out.message).toBe('Internal server error');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'rid-3' });
    expect(log.lines.some((line) => line.includes('rid-3') && line.includes('ECONNREFUSED'))).toBe(true);
  });

  it('masks an unknown code from a subgraph, with its stack trace', () => {
    const out = maskGatewayError(
      { message: 'relation "cases"."Case" does not exist', extensions: { code: 'P2021', stacktrace: ['at x'], serviceName: 'cases' } },
      undefined,
      'rid-4',
      createMemoryLogger(),
    );
    expect(out).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'rid-4' } });
  });
});

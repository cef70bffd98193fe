import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureFromErrors, onlyNestedDenials, partialFailure } from './gateway-errors';

const error = (code?: string, extra: Record<string, unknown> = {}) => ({ message: 'm', extensions: { code, ...extra } });

describe('failureFromErrors', () => {
  it('an ended session outranks any other error, so the user is sent to sign in again', () => {
    assert.deepEqual(failureFromErrors([error('FORBIDDEN'), error('UNAUTHENTICATED')]).failure, { kind: 'UNAUTHENTICATED' });
  });

  it('a refusal is FORBIDDEN, not a generic failure', () => {
    assert.deepEqual(failureFromErrors([error('NOT_FOUND'), error('FORBIDDEN')]).failure, { kind: 'FORBIDDEN' });
  });

  it('login codes reach the form as REJECTED with their code', () => {
    assert.deepEqual(failureFromErrors([error('INVALID_CREDENTIALS')]).failure, { kind: 'REJECTED', code: 'INVALID_CREDENTIALS', fields: [] });
    assert.deepEqual(failureFromErrors([error('TOO_MANY_ATTEMPTS')]).failure, { kind: 'REJECTED', code: 'TOO_MANY_ATTEMPTS', fields: [] });
    assert.deepEqual(failureFromErrors([error('RATE_LIMITED', { retryAfterSeconds: 5 })]).failure, { kind: 'REJECTED', code: 'RATE_LIMITED', fields: [] });
  });

  it('field names from BAD_USER_INPUT are kept (names only)', () => {
    assert.deepEqual(failureFromErrors([error('BAD_USER_INPUT', { field: 'email' })]).failure, {
      kind: 'REJECTED',
      code: 'BAD_USER_INPUT',
      fields: ['email'],
    });
  });

  it("a refusal's reason word is kept, so a page can name the rule (CONFLICT: LAST_ADMIN …)", () => {
    assert.deepEqual(failureFromErrors([error('CONFLICT', { reason: 'LAST_ADMIN' })]).failure, {
      kind: 'REJECTED',
      code: 'CONFLICT',
      fields: [],
      reason: 'LAST_ADMIN',
    });
  });

  it('server faults, document errors and uncoded errors become UNAVAILABLE', () => {
    for (const code of ['INTERNAL_SERVER_ERROR', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', undefined]) {
      assert.deepEqual(failureFromErrors([error(code)]).failure, { kind: 'UNAVAILABLE' }, String(code));
    }
  });
});

describe('partial answers', () => {
  it('keeps the data when access rules only withheld fields inside it', () => {
    const denied = (path: (string | number)[]) => ({ message: 'Not allowed', path, extensions: { code: 'FORBIDDEN' } });
    assert.equal(onlyNestedDenials([denied(['case', 'timeline', 3, 'actor', 'displayName'])]), true);
    assert.equal(onlyNestedDenials([denied(['case', 'timeline', 3, 'actor', 'displayName']), denied(['case', 'timeline', 4, 'actor', 'displayName'])]), true);
  });

  it('fails the call for a refused root field, any other error, or no errors at all', () => {
    assert.equal(onlyNestedDenials([{ path: ['case'], extensions: { code: 'FORBIDDEN' } }]), false);
    assert.equal(onlyNestedDenials([{ extensions: { code: 'FORBIDDEN' } }]), false);
    assert.equal(onlyNestedDenials([{ path: ['case', 'referrals'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]), false);
    assert.equal(onlyNestedDenials([{ path: ['case', 'a'], extensions: { code: 'FORBIDDEN' } }, { path: ['case', 'b'], extensions: { code: 'UNAUTHENTICATED' } }]), false);
    assert.equal(onlyNestedDenials([]), false);
  });
});

describe('answers a part of Haven left incomplete', () => {
  const masked = (requestId: string) => ({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
  const denied = { message: 'Not allowed', path: ['case', 'timeline', 0, 'actor', 'displayName'], extensions: { code: 'FORBIDDEN' } };

  it("a masked failure (as the gateway reports a part that is down) gives the gateway's request id as the reference", () => {
    assert.deepEqual(partialFailure([masked('0d9c6f5e-1b2a-4c3d-8e4f-5a6b7c8d9e0f')]), { reference: '0d9c6f5e-1b2a-4c3d-8e4f-5a6b7c8d9e0f' });
    assert.deepEqual(partialFailure([masked('req-1'), masked('req-1'), denied]), { reference: 'req-1' });
    assert.deepEqual(partialFailure([{ message: 'm', extensions: { code: 'SERVICE_UNAVAILABLE' } }]), { reference: undefined });
  });

  it('never shows a reference that is not id-shaped', () => {
    assert.deepEqual(partialFailure([masked('<script>alert(1)</script>')]), { reference: undefined });
  });

  it('is no partial answer when nothing failed, a failure is unmasked, or anything else went wrong too', () => {
    assert.equal(partialFailure([]), null);
    assert.equal(partialFailure([denied]), null);
    // An INTERNAL_SERVER_ERROR without the gateway's request id did not come through the gateway's masking.
    assert.equal(partialFailure([{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]), null);
    assert.equal(partialFailure([masked('req-1'), { message: 'm', extensions: { code: 'UNAUTHENTICATED' } }]), null);
    assert.equal(partialFailure([masked('req-1'), { message: 'm', path: ['case'], extensions: { code: 'FORBIDDEN' } }]), null);
    assert.equal(partialFailure([masked('req-1'), { message: 'm', extensions: { code: 'BAD_USER_INPUT' } }]), null);
  });
});

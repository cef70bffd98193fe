import { distinctErrors } from './distinct-errors';

describe('distinctErrors', () => {
  const masked = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r1' } };

  it('sends one masked error for several identical ones (one outage, several fetches)', () => {
    expect(distinctErrors([masked, { ...masked, extensions: { ...masked.extensions } }, masked])).toEqual([masked]);
  });

  it('keeps errors that differ in path, code or message, in their order', () => {
    const forbiddenA = { message: 'Not allowed', path: ['a'], extensions: { code: 'FORBIDDEN' } };
    const forbiddenB = { message: 'Not allowed', path: ['b'], extensions: { code: 'FORBIDDEN' } };
    const other = { ...masked, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r2' } };
    expect(distinctErrors([forbiddenA, masked, forbiddenB, other])).toEqual([forbiddenA, masked, forbiddenB, other]);
  });
});

import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { countRootFields, SIGN_IN_FIELDS } from './rate-limit-plugin';
import { retryAfterOf } from './rate-limit-refusal';

const logins = (text: string) => {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return countRootFields(operation, document, SIGN_IN_FIELDS);
};

describe('countRootFields', () => {
  it('counts each login at the root of a mutation, aliased, inline or spread', () => {
    expect(logins('mutation { login(input: $i) { sessionToken } }')).toBe(1);
    expect(logins('mutation { a: login(input: $i) { s } b: login(input: $j) { s } logout }')).toBe(2);
    expect(logins('mutation { ... on Mutation { login(input: $i) { s } } ...F } fragment F on Mutation { x: login(input: $j) { s } y: login(input: $k) { s } }')).toBe(3);
  });

  it('counts second-factor guesses (completeLogin) like password guesses', () => {
    expect(logins('mutation { completeLogin(challenge: $c, code: $k) { sessionToken } }')).toBe(1);
    expect(logins('mutation { a: completeLogin(challenge: $c, code: "1") { s } b: completeLogin(challenge: $c, code: "2") { s } }')).toBe(2);
  });

  it('counts the e-mailed-link operations (reset request, reset, invitation) like sign-in attempts', () => {
    expect(logins('mutation { requestPasswordReset(input: $i) }')).toBe(1);
    expect(logins('mutation { a: resetPassword(input: $i) b: acceptInvitation(input: $j) }')).toBe(2);
  });

  it('does not count a login that is not a root mutation field', () => {
    expect(logins('mutation { logout }')).toBe(0);
    expect(logins('query { login { id } }')).toBe(0);
    expect(logins('mutation { me { login } }')).toBe(0);
  });

  it('stops at a fragment cycle instead of looping', () => {
    expect(logins('mutation { ...A } fragment A on Mutation { login(input: $i) { s } ...B } fragment B on Mutation { ...A }')).toBe(1);
  });
});

describe('retryAfterOf', () => {
  const error = (code: string, extra: Record<string, unknown> = {}) => ({ message: 'm', extensions: { code, ...extra } });

  it("takes a locked email's wait in whole seconds, at least one", () => {
    expect(retryAfterOf([error('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 29 })])).toBe(29);
    expect(retryAfterOf([error('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 0.2 })])).toBe(1);
    expect(retryAfterOf([error('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 5 }), error('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 40 })])).toBe(40);
  });

  it('falls back to a minute when the refusal does not say, and is null when nothing was refused for a rate', () => {
    expect(retryAfterOf([error('TOO_MANY_ATTEMPTS')])).toBe(60);
    expect(retryAfterOf([error('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 'soon' })])).toBe(60);
    expect(retryAfterOf([error('INVALID_CREDENTIALS')])).toBeNull();
    expect(retryAfterOf([])).toBeNull();
  });
});

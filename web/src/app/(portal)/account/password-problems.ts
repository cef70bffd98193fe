/**
 * identity's reasons for refusing a new password (services/identity/src/domain/password-policy.ts PasswordProblem,
 * and UNCHANGED from change-password.ts), each with its own message key in the Account catalogue.
 */
export const PASSWORD_PROBLEMS = {
  TOO_SHORT: 'passwordTooShort',
  TOO_LONG: 'passwordTooLong',
  COMMON: 'passwordCommon',
  REPETITIVE: 'passwordRepetitive',
  CONTEXT_WORDS: 'passwordContextWords',
  UNCHANGED: 'passwordUnchanged',
} as const;

export type PasswordProblemKey = (typeof PASSWORD_PROBLEMS)[keyof typeof PASSWORD_PROBLEMS];

export function passwordProblemKey(reason: string | undefined): PasswordProblemKey | undefined {
  return reason && reason in PASSWORD_PROBLEMS ? PASSWORD_PROBLEMS[reason as keyof typeof PASSWORD_PROBLEMS] : undefined;
}

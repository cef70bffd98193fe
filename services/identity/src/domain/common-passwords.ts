/**
 * The bundled list of breached and common passwords NIST SP 800-63B asks a new password to be checked against:
 * the ~49,000 most common passwords from leaked password dumps that zxcvbn-ts ships (@zxcvbn-ts/language-common,
 * MIT, pinned; the list is Dropbox's zxcvbn frequency list). Loaded once, on the first check, into a Set of
 * lower-cased entries: O(1) lookup, a few MB of memory, and no network lookup (Haven runs without internet).
 */
let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  // require, not import: the ~0.5 MB list is parsed on the first password check, not whenever this module loads.
  common ??= new Set((require('@zxcvbn-ts/language-common/src/passwords.json') as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Case does not make a common password uncommon: "PasswordPassword" is as guessable as "passwordpassword". */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

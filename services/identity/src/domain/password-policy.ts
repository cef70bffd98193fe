import { AppError } from '@haven/kit/src/errors';

/**
 * NIST SP 800-63B rev. 4 (§3.1.1.2) for a password someone chooses now. One uniform rule for every account:
 * at least 15 characters, because for most users the password is the only factor (two-factor sign-in is
 * optional for them) and rev. 4 asks 15 for single-factor passwords; a network admin or auditor with TOTP is
 * held to the same 15 rather than the 8 NIST allows them, so nobody has to know which rule applies to them.
 * Long passphrases are welcome (up to 256 characters), any character counts, spaces and emoji too, after NFKC
 * normalisation (so the same text typed on another keyboard is the same password). No composition rules and
 * no expiry: NIST advises against both. Refused: passwords on the bundled breached/common list, one character
 * or chunk repeated, and passwords that are mostly the service's name or the user's own e-mail name.
 */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a password was refused; the portal words each reason (nl/en), the API returns it as `extensions.reason`. */
export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'REPETITIVE' | 'CONTEXT_WORDS';

export interface PasswordContext {
  /** The account's e-mail address: its local part is a context word ("j.devries" in "j.devries@…"). */
  email: string;
  /** Tells whether a password is on the breached/common list (common-passwords.ts); injected so tests can see it asked. */
  isCommon: (password: string) => boolean;
}

/** Words anyone guessing a Haven password tries first (NIST: "context-specific words"). */
const SERVICE_WORDS = ['haven'];
/** Shorter e-mail names ("jo") occur in too many honest passphrases to hold against them. */
const MIN_CONTEXT_WORD_LENGTH = 3;

function characters(text: string): number {
  return [...text].length;
}

/** "abcabcabc", "zzzzzzzzzzzzzzzzz", "passwordpassword": the whole password is one chunk repeated. */
function isRepetitive(password: string): boolean {
  return /^(.+?)\1+$/su.test(password);
}

function contextWords(email: string): string[] {
  const localPart = email.trim().toLowerCase().split('@')[0] ?? '';
  const pieces = [localPart, ...localPart.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set([...SERVICE_WORDS, ...pieces])].filter((word) => characters(word) >= MIN_CONTEXT_WORD_LENGTH);
}

/**
 * Context words do not count towards the length: "Haven-j.devries-2026" without "haven" and "j.devries" leaves
 * too little to guess. A passphrase that merely mentions one ("a safe haven by the old canal") still passes.
 */
function withoutContextWords(password: string, email: string): string {
  let rest = password.toLowerCase();
  for (const word of contextWords(email).sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  return rest;
}

/** Null when `password` may be chosen, else the first problem found. Pure apart from `context.isCommon`. */
export function passwordProblem(password: string, context: PasswordContext): PasswordProblem | null {
  const normalised = password.normalize('NFKC');
  const length = characters(normalised);
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  if (context.isCommon(normalised)) return 'COMMON';
  if (isRepetitive(normalised.toLowerCase())) return 'REPETITIVE';
  if (characters(withoutContextWords(normalised, context.email)) < MIN_PASSWORD_LENGTH) return 'CONTEXT_WORDS';
  return null;
}

const MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `A password needs at least ${MIN_PASSWORD_LENGTH} characters`,
  TOO_LONG: `A password may have at most ${MAX_PASSWORD_LENGTH} characters`,
  COMMON: 'This password appears in lists of breached or common passwords',
  REPETITIVE: 'A password must not be one character or piece repeated',
  CONTEXT_WORDS: `Without the service name and your e-mail name, a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
};

/** BAD_USER_INPUT with `field` and `reason` (a PasswordProblem) when the password may not be chosen. */
export function assertPasswordAllowed(password: string, context: PasswordContext, field: string): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('BAD_USER_INPUT', MESSAGES[problem], { field, reason: problem });
}

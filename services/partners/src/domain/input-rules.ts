import { badInput } from '@haven/kit/src/errors';

/**
 * A partial update distinguishes "absent" (undefined: keep) from null. For a field that cannot be
 * empty, null is a mistake the caller should hear about, not a silent no-op.
 */
export function notNull<T>(field: string, value: T | null | undefined): T | undefined {
  if (value === null) throw badInput(field, `${field} cannot be null; leave it out to keep the current value`);
  return value;
}

export function text(field: string, value: string | null | undefined, opts: { max: number; required: boolean }) {
  const given = notNull(field, value);
  if (given === undefined) return undefined;
  const trimmed = given.trim();
  if (opts.required && trimmed.length === 0) throw badInput(field, `${field} cannot be empty`);
  if (trimmed.length > opts.max) throw badInput(field, `${field} can be at most ${opts.max} characters`);
  return trimmed;
}

export const MIN_AGE = 0;
export const MAX_AGE = 120;

/** An age bound; null clears it (no bound). */
export function ageBound(field: string, value: number | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < MIN_AGE || value > MAX_AGE) {
    throw badInput(field, `${field} must be a whole number from ${MIN_AGE} to ${MAX_AGE}`);
  }
  return value;
}

export function ageRange(minAge: number | null, maxAge: number | null): void {
  if (minAge !== null && maxAge !== null && minAge > maxAge) {
    throw badInput('minAge', 'minAge cannot be greater than maxAge');
  }
}

import { badInput } from '@haven/kit/src/errors';
import { ISO_639_1 } from '@haven/kit/src/iso-639-1';

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

/** A list of ISO 639-1 codes: trimmed, lower-cased, de-duplicated; an unknown code is refused by name. */
export function languageCodes(field: string, value: readonly string[] | null | undefined): string[] | undefined {
  const given = notNull(field, value);
  if (given === undefined) return undefined;
  const codes = [...new Set(given.map((code) => code.trim().toLowerCase()))];
  const unknown = codes.filter((code) => !ISO_639_1.has(code));
  if (unknown.length > 0) {
    throw badInput(field, `${field} takes two-letter ISO 639-1 codes (like "nl", "en"); not one: ${unknown.slice(0, 3).join(', ').slice(0, 40)}`);
  }
  return codes;
}

/** A list of enum values (the GraphQL layer already checked each value): de-duplicated, kept in the given order. */
export function enumList<T>(field: string, value: readonly T[] | null | undefined): T[] | undefined {
  const given = notNull(field, value);
  return given === undefined ? undefined : [...new Set(given)];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,24}$/;

/** An organisational e-mail address; empty clears it. */
export function email(field: string, value: string | null | undefined): string | undefined {
  const given = text(field, value, { max: 254, required: false });
  if (given && !EMAIL.test(given)) throw badInput(field, `${field} is not an e-mail address`);
  return given;
}

/** An organisational phone number (digits, spaces, +, -, parentheses); empty clears it. */
export function phone(field: string, value: string | null | undefined): string | undefined {
  const given = text(field, value, { max: 30, required: false });
  if (given && !PHONE.test(given)) throw badInput(field, `${field} is not a phone number`);
  return given;
}

/** Dutch postal code "1234 AB" (also accepted without the space or in lower case); empty clears it. */
export function postalCode(field: string, value: string | null | undefined): string | undefined {
  const given = text(field, value, { max: 10, required: false });
  if (!given) return given;
  const match = /^([1-9][0-9]{3}) ?([a-zA-Z]{2})$/.exec(given);
  if (!match) throw badInput(field, `${field} must look like 1234 AB`);
  return `${match[1]} ${match[2]!.toUpperCase()}`;
}

export interface Coordinates {
  latitude: number | null;
  longitude: number | null;
}

/**
 * WGS84 coordinates. Both are given together (or both null to clear them): half a position is no position.
 * Returns undefined when neither is in the input.
 */
export function coordinates(latitude: number | null | undefined, longitude: number | null | undefined): Coordinates | undefined {
  if (latitude === undefined && longitude === undefined) return undefined;
  if (latitude === null && longitude === null) return { latitude: null, longitude: null };
  if (latitude === undefined || latitude === null || longitude === undefined || longitude === null) {
    throw badInput(latitude === undefined || latitude === null ? 'latitude' : 'longitude', 'Give latitude and longitude together');
  }
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('latitude', 'latitude must be from -90 to 90');
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) throw badInput('longitude', 'longitude must be from -180 to 180');
  return { latitude, longitude };
}

import 'server-only';
import { z } from 'zod';

/**
 * Field rules shared by the profile and service forms, beyond lib/forms.ts: the API checks the same again
 * (services/partners/src/domain/input-rules.ts); these give the person a message beside the field first.
 */

/** A decimal coordinate typed with a point or a comma; empty means "not known". */
export function coordinate(limit: number, message: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
    z
      .string()
      .refine((value) => value === '' || (/^-?\d{1,3}(\.\d+)?$/.test(value) && Math.abs(Number(value)) <= limit), { message })
      .transform((value) => (value === '' ? null : Number(value))),
  );
}

/** Two-letter ISO 639-1 codes typed as "nl, en"; empty means none. */
export function languageCodes(message: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.split(/[\s,;]+/).map((code) => code.trim().toLowerCase()).filter(Boolean) : value),
    z.array(z.string()).refine((codes) => codes.every((code) => /^[a-z]{2}$/.test(code)), { message }),
  );
}

/** A Dutch postal code, "1234 AB". */
export function postalCode(message: string) {
  return z.string().trim().max(10).refine((value) => /^[1-9][0-9]{3} ?[a-zA-Z]{2}$/.test(value), { message });
}

/** Latitude and longitude come together or not at all (the API refuses one without the other). */
export function bothOrNeither(message: string) {
  return (value: { latitude: number | null; longitude: number | null }, context: z.RefinementCtx) => {
    if ((value.latitude === null) !== (value.longitude === null)) {
      context.addIssue({ code: 'custom', path: [value.latitude === null ? 'latitude' : 'longitude'], message });
    }
  };
}

/** An optional field with its own rule when filled in; empty is sent as "" (which clears it in the API). */
export function orEmpty<T extends z.ZodType<string>>(schema: T) {
  return z
    .preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())
    .transform((value) => value ?? '');
}

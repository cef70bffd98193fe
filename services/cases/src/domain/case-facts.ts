import { badInput } from '@haven/kit/src/errors';
import { findPlace } from '@haven/kit/src/geo/gazetteer';
import { ISO_639_1 } from '@haven/kit/src/iso-639-1';
import type { ExploitationType, Gender, Province } from '@haven/kit/src/taxonomy';
import type { AgeGroup } from '../generated/prisma/enums';

/** The facts of a case as a coordinator gives them: what matching needs, nothing that names the person. */
export interface CaseFactsInput {
  age?: number | null;
  ageGroup?: AgeGroup | null;
  gender?: Gender | null;
  languages?: readonly string[] | null;
  exploitationType?: ExploitationType | null;
  province?: Province | null;
  place?: string | null;
}

/** The same facts checked and normalised, as the Case row stores them. */
export interface CaseFacts {
  age: number | null;
  ageGroup: AgeGroup | null;
  gender: Gender | null;
  languages: string[];
  exploitationType: ExploitationType | null;
  province: Province | null;
  place: string;
}

export const MIN_AGE = 0;
export const MAX_AGE = 120;
const MAX_LANGUAGES = 20;

/** The age group an exact age falls in (bounds: 16 own consent, 18 adult, 23 end of youth care). */
export function ageGroupOf(age: number): AgeGroup {
  if (age < 16) return 'UNDER_16';
  if (age < 18) return 'AGE_16_17';
  if (age <= 23) return 'AGE_18_23';
  return 'AGE_24_PLUS';
}

/** Checks and normalises the facts; throws BAD_USER_INPUT naming the field (never echoing a place name). */
export function caseFacts(input: CaseFactsInput): CaseFacts {
  const { age, ageGroup } = ageFacts(input.age ?? null, input.ageGroup ?? null);
  const { province, place } = whereFacts(input.province ?? null, input.place ?? null);
  return {
    age,
    ageGroup,
    gender: input.gender ?? null,
    languages: languageCodes(input.languages ?? []),
    exploitationType: input.exploitationType ?? null,
    province,
    place,
  };
}

function ageFacts(age: number | null, ageGroup: AgeGroup | null): { age: number | null; ageGroup: AgeGroup | null } {
  if (age === null) return { age: null, ageGroup };
  if (!Number.isInteger(age) || age < MIN_AGE || age > MAX_AGE) {
    throw badInput('age', `age must be a whole number from ${MIN_AGE} to ${MAX_AGE}`);
  }
  const derived = ageGroupOf(age);
  // Partners see only the group: a group that contradicts the age would tell them something false.
  if (ageGroup !== null && ageGroup !== derived) throw badInput('ageGroup', 'ageGroup does not match age; give one or the other');
  return { age, ageGroup: derived };
}

function whereFacts(province: Province | null, placeName: string | null): { province: Province | null; place: string } {
  const trimmed = placeName?.trim() ?? '';
  if (trimmed === '') return { province, place: '' };
  const place = trimmed.length <= 100 ? findPlace(trimmed) : null;
  // The message never repeats what was typed: a place of residence can identify someone.
  if (!place) throw badInput('place', 'place is not a Dutch place Haven knows; check the spelling or give only the province');
  if (province !== null && province !== place.province) throw badInput('province', 'province does not match place');
  return { province: place.province, place: place.name };
}

/** ISO 639-1 codes: trimmed, lower-cased, de-duplicated in the given order. */
function languageCodes(given: readonly string[]): string[] {
  const codes = [...new Set(given.map((code) => code.trim().toLowerCase()))];
  if (codes.length > MAX_LANGUAGES) throw badInput('languages', `languages takes at most ${MAX_LANGUAGES} codes`);
  const unknown = codes.filter((code) => !ISO_639_1.has(code));
  if (unknown.length > 0) {
    throw badInput('languages', `languages takes two-letter ISO 639-1 codes (like "nl", "en"); not one: ${unknown.slice(0, 3).join(', ').slice(0, 40)}`);
  }
  return codes;
}

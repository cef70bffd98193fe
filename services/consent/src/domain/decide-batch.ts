import { badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { ConsentDb } from '../db';
import { DataCategory, Purpose } from '../generated/prisma/client';
import { decide, type ConsentAnswer, type ConsentQuestion } from './decide';

export const MAX_QUESTIONS = 200;

const CATEGORIES = new Set<string>(Object.values(DataCategory));
const PURPOSES = new Set<string>(Object.values(Purpose));

/** The body of POST /internal/decide, checked: 1–200 well-formed questions, or BAD_USER_INPUT. */
export function parseQuestions(body: unknown): ConsentQuestion[] {
  const questions = (body as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(questions) || questions.length === 0 || questions.length > MAX_QUESTIONS) {
    throw badInput('questions', `Ask 1–${MAX_QUESTIONS} questions at a time`);
  }
  return questions.map((raw, index) => {
    const q = (raw ?? {}) as Record<string, unknown>;
    if (!isUuid(q.caseId)) throw badInput(`questions.${index}.caseId`, 'caseId is not a valid id');
    if (!isUuid(q.organisationId)) throw badInput(`questions.${index}.organisationId`, 'organisationId is not a valid id');
    if (q.category !== null && !(typeof q.category === 'string' && CATEGORIES.has(q.category))) {
      throw badInput(`questions.${index}.category`, 'category must be a data category or null');
    }
    if (!(typeof q.purpose === 'string' && PURPOSES.has(q.purpose))) throw badInput(`questions.${index}.purpose`, 'purpose is not a known purpose');
    return { caseId: q.caseId, organisationId: q.organisationId, category: q.category as DataCategory | null, purpose: q.purpose as Purpose };
  });
}

/**
 * Answers a batch with one query: every version of every case asked about (whichever organisation
 * recorded it: consent given to the case counts, not who typed it in), then the pure decision.
 * Decided at the moment of asking; nothing is cached, so a withdrawal counts from the next question on.
 */
export async function decideBatch(db: ConsentDb, questions: ConsentQuestion[], now = new Date()): Promise<ConsentAnswer[]> {
  const caseIds = [...new Set(questions.map((q) => q.caseId))];
  const versions = await db.consentRecord.findMany({ where: { caseId: { in: caseIds } } });
  return decide(questions, versions, now);
}

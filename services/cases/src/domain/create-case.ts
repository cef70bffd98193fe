import { randomInt } from 'node:crypto';
import { AppError, badInput } from '@haven/kit/src/errors';
import { SERVICE_TYPES, type ServiceType } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { CasesDb } from '../db';
import type { Case, Urgency } from '../generated/prisma/client';

// No 0/O, 1/I/L: references are read aloud on the phone and copied by hand.
export const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const REFERENCE_PATTERN = /^HVN-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;
const REFERENCE_ATTEMPTS = 5;

/** A pseudonymous case reference: says nothing about the person, the date or the organisation. */
export function newCaseReference(): string {
  let out = 'HVN-';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

export interface CreateCaseInput {
  urgency: Urgency;
  needs: ServiceType[];
}

/** Opens a case for the caller's organisation, with the caller as coordinator. */
export async function createCase(
  db: CasesDb,
  caller: Identity | null,
  input: CreateCaseInput,
  nextReference: () => string = newCaseReference,
): Promise<Case> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!caller.organisationId || !caller.roles.includes('COORDINATOR')) throw new AppError('FORBIDDEN', 'Not allowed');
  if (input.needs.length === 0) throw badInput('needs', 'A case needs at least one service type');
  if (new Set(input.needs).size !== input.needs.length) throw badInput('needs', 'Each service type may be listed once');
  if (input.needs.some((need) => !SERVICE_TYPES.includes(need))) throw badInput('needs', 'Unknown service type');

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.case.create({
        data: {
          reference: nextReference(),
          urgency: input.urgency,
          needs: input.needs,
          coordinatingOrganisationId: caller.organisationId,
          coordinatorUserId: caller.subject,
        },
      });
    } catch (error) {
      // 31^8 references make a collision rare; a retry with a fresh one is the whole remedy.
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}

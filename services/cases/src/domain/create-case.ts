import { randomInt } from 'node:crypto';
import type { KeyRing } from '@haven/kit/src/crypto/sealed';
import { AppError, badInput } from '@haven/kit/src/errors';
import { SERVICE_TYPES, type ServiceType } from '@haven/kit/src/taxonomy';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { CasesDb } from '../db';
import { changeEvent } from './audit/audit-events';
import type { Case, Urgency } from '../generated/prisma/client';
import { caseFacts, type CaseFactsInput } from './case-facts';
import { vaultCategoriesOf, vaultFieldValues, type PersonalDataInput } from './vault-fields';
import { writeVaultFields } from './vault-write';
import { idempotencyHashKey, withIdempotency } from './idempotency';

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

export interface CreateCaseInput extends CaseFactsInput {
  urgency: Urgency;
  needs: ServiceType[];
  /** Optional, by vault category; sealed before it reaches the database. */
  personalData?: PersonalDataInput | null;
}

/**
 * Opens a case for the caller's organisation, with the caller as coordinator: the case row, its sealed
 * personal data and the CASE_OPENED event in one transaction. Every input is checked before anything is
 * written.
 */
export async function createCase(
  db: CasesDb,
  ring: KeyRing,
  caller: Identity | null,
  input: CreateCaseInput,
  nextReference: () => string = newCaseReference,
  idempotencyKey?: string | null,
  requestId: string | null = null,
): Promise<Case> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const organisationId = caller.organisationId;
  if (!organisationId || !caller.roles.includes('COORDINATOR')) throw new AppError('FORBIDDEN', 'Not allowed');
  if (input.needs.length === 0) throw badInput('needs', 'A case needs at least one service type');
  if (new Set(input.needs).size !== input.needs.length) throw badInput('needs', 'Each service type may be listed once');
  if (input.needs.some((need) => !SERVICE_TYPES.includes(need))) throw badInput('needs', 'Unknown service type');
  const facts = caseFacts(input);
  // Empty values at creation mean "not known": nothing to store.
  const personal = vaultFieldValues(input.personalData).filter((value) => value.value !== '');

  for (let attempt = 1; ; attempt++) {
    try {
      const { id } = await withIdempotency(
        db,
        {
          callerSubject: caller.subject,
          key: idempotencyKey,
          operation: 'createCase',
          // The checked, normalised values: an omitted field and an explicit null are the same request.
          input: { urgency: input.urgency, needs: input.needs, facts, personal },
          hashKey: idempotencyHashKey(ring),
        },
        async (tx, id) => {
          const row = await tx.case.create({
            data: {
              id,
              reference: nextReference(),
              urgency: input.urgency,
              needs: input.needs,
              ...facts,
              coordinatingOrganisationId: organisationId,
              coordinatorUserId: caller.subject,
            },
          });
          await writeVaultFields(tx, ring, row.id, personal, caller.subject);
          await tx.timelineEvent.create({
            data: { caseId: row.id, kind: 'CASE_OPENED', actorUserId: caller.subject, actorOrganisationId: organisationId },
          });
          const subject = { caseId: row.id, caseOrganisationId: organisationId };
          await writeAuditEvents(tx, [
            changeEvent(caller, requestId, 'case.create', subject),
            ...(personal.length > 0 ? [changeEvent(caller, requestId, 'personal-data.write', { ...subject, categories: vaultCategoriesOf(personal) })] : []),
          ]);
        },
      );
      // Also on a replay: the case as stored now.
      return await db.case.findUniqueOrThrow({ where: { id } });
    } catch (error) {
      // 31^8 references make a collision rare; a retry with a fresh one (in a fresh transaction) is the whole remedy.
      if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'P2002';
}

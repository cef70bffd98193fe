import { seal, type KeyRing } from '@haven/kit/src/crypto/sealed';
import { AppError, badInput } from '@haven/kit/src/errors';
import { isUuid } from '@haven/kit/src/graphql/uuid';
import type { Identity } from '@haven/kit/src/trust/tokens';
import { writeAuditEvents } from '@haven/kit/src/audit/write';
import type { CasesDb } from '../db';
import { changeEvent } from './audit/audit-events';
import type { ThreadSide } from '../generated/prisma/enums';
import { idempotencyHashKey, withIdempotency } from './idempotency';
import { lockCase, MESSAGE, MESSAGE_READ, THREAD_SIDE } from '../sql';
import { referralSideOf, type ReferralSide } from './referral-access';


export const MESSAGE_MAX_LENGTH = 4000;

/** The two parties of a referral: all a thread needs to decide who may read it. */
export interface ThreadParties {
  id: string;
  caseId: string;
  organisationId: string;
  coordinatingOrganisationId: string;
}

/**
 * A message as it enters a response: the stored row plus its referral's parties, so the Message field
 * rules can re-check the caller's side on every field, whichever path the message came by.
 */
export interface MessageView {
  id: string;
  referralId: string;
  side: ThreadSide;
  /** null: written by an integration token. */
  authorUserId: string | null;
  authorOrganisationId: string;
  keyId: string;
  sealed: Uint8Array;
  sentAt: Date;
  referral: ThreadParties;
}

/** One referral's thread as seen by one side (the caller's). */
export interface MessageThreadView {
  referral: ThreadParties;
  side: ReferralSide;
}

/** The additional data a message body is sealed with: a sealed body copied to another message does not open. */
export const messageAad = (messageId: string) => `message:${messageId}`;

const PARTIES = { id: true, caseId: true, organisationId: true, coordinatingOrganisationId: true } as const;

/**
 * The caller's side of a referral's thread. Anyone who is on neither side gets the same NOT_FOUND as for
 * a referral that does not exist, so the answer says nothing about other organisations' referrals.
 */
export async function threadFor(db: CasesDb, caller: Identity | null, referralId: unknown): Promise<MessageThreadView> {
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const referral = isUuid(referralId) ? await db.referral.findUnique({ where: { id: referralId }, select: PARTIES }) : null;
  const side = referralSideOf(caller, referral);
  if (!referral || !side) throw new AppError('NOT_FOUND', 'Referral not found');
  return { referral, side };
}

/** The same decision for a referral row already loaded (the Referral.messageThread field). */
export function threadOfReferral(caller: Identity | null, referral: ThreadParties): MessageThreadView {
  const side = referralSideOf(caller, referral);
  if (!side) throw new AppError('NOT_FOUND', 'Referral not found');
  const { id, caseId, organisationId, coordinatingOrganisationId } = referral;
  return { referral: { id, caseId, organisationId, coordinatingOrganisationId }, side };
}

export interface PostMessageInput {
  referralId: unknown;
  body: unknown;
  idempotencyKey?: string | null;
  /** For the audit trail. */
  requestId?: string | null;
}

/**
 * Posts a message on the caller's side of a referral's thread. Allowed in every referral state (a
 * declined or withdrawn referral may still need a word), but only while the case is open: a closed case
 * is history (INVALID_TRANSITION). The case row is share-locked, so a post and the case's closing
 * serialise and no message lands after the close. The body is sealed with the message's own id as
 * additional data (the id is made here for that reason), and the author's side has read everything up to
 * its own message. With an idempotency key, a retry answers with the first message and writes nothing.
 */
export async function postMessage(db: CasesDb, keyRing: KeyRing, caller: Identity | null, input: PostMessageInput): Promise<MessageView> {
  const thread = await threadFor(db, caller, input.referralId);
  const body = typeof input.body === 'string' ? input.body.trim() : '';
  if (body.length < 1 || body.length > MESSAGE_MAX_LENGTH) throw badInput('body', `A message is 1 to ${MESSAGE_MAX_LENGTH} characters`);
  const author = caller!;
  // A token is no person: its messages name only the organisation (never a token id in a user column).
  const authorUserId = author.kind === 'integration' ? null : author.subject;
  const referralId = thread.referral.id;
  const side = thread.side;

  const { id } = await withIdempotency(
    db,
    {
      callerSubject: author.subject,
      key: input.idempotencyKey,
      operation: 'postMessage',
      input: { referralId, body },
      hashKey: idempotencyHashKey(keyRing),
    },
    async (tx, messageId) => {
      const kase = await lockCase(tx, thread.referral.caseId, 'SHARE');
      if (kase?.status !== 'OPEN') throw new AppError('INVALID_TRANSITION', 'The case is closed: its threads take no new messages');
      const sealed = seal(keyRing, body, messageAad(messageId));
      // Never earlier than the thread's last message: a message posted after another one committed always
      // sorts after it, even within one millisecond or with a clock step back.
      const [row] = await tx.$queryRaw<{ sentAt: Date }[]>`
        INSERT INTO ${MESSAGE} ("id", "referralId", "side", "authorUserId", "authorOrganisationId", "keyId", "sealed", "sentAt")
        VALUES (${messageId}::uuid, ${referralId}::uuid, ${side}::${THREAD_SIDE}, ${authorUserId}::uuid,
                ${author.organisationId}::uuid, ${sealed.keyId}, ${sealed.sealed},
                GREATEST(clock_timestamp(), (SELECT max("sentAt") + interval '1 millisecond' FROM ${MESSAGE} WHERE "referralId" = ${referralId}::uuid)))
        RETURNING "sentAt"`;
      await tx.$executeRaw`
        INSERT INTO ${MESSAGE_READ} ("referralId", "side", "lastReadAt") VALUES (${referralId}::uuid, ${side}::${THREAD_SIDE}, ${row!.sentAt})
        ON CONFLICT ("referralId", "side") DO UPDATE SET "lastReadAt" = GREATEST(${MESSAGE_READ}."lastReadAt", EXCLUDED."lastReadAt")`;
      await writeAuditEvents(tx, [
        changeEvent(author, input.requestId ?? null, 'message.post', {
          caseId: thread.referral.caseId,
          caseOrganisationId: thread.referral.coordinatingOrganisationId,
          referralId,
        }),
      ]);
    },
  );
  // Read back (also on a replay): what the response shows is what is stored.
  const message = await db.message.findUniqueOrThrow({ where: { id } });
  return { ...message, referral: thread.referral };
}

/**
 * The caller's side has read the thread: everything sent so far. The marker never moves backwards (two
 * tabs, a slow request), and it covers the newest message even when that one's time is a hair ahead.
 */
export async function markMessagesRead(db: CasesDb, caller: Identity | null, referralId: unknown, requestId: string | null = null): Promise<MessageThreadView> {
  const thread = await threadFor(db, caller, referralId);
  const id = thread.referral.id;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO ${MESSAGE_READ} ("referralId", "side", "lastReadAt")
      VALUES (${id}::uuid, ${thread.side}::${THREAD_SIDE},
              GREATEST(clock_timestamp(), (SELECT max("sentAt") FROM ${MESSAGE} WHERE "referralId" = ${id}::uuid)))
      ON CONFLICT ("referralId", "side") DO UPDATE SET "lastReadAt" = GREATEST(${MESSAGE_READ}."lastReadAt", EXCLUDED."lastReadAt")`;
    await writeAuditEvents(tx, [
      changeEvent(caller, requestId, 'message.mark-read', {
        caseId: thread.referral.caseId,
        caseOrganisationId: thread.referral.coordinatingOrganisationId,
        referralId: id,
      }),
    ]);
  });
  return thread;
}

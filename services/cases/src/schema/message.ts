import { open, SealError } from '@haven/kit/src/crypto/sealed';
import { builder } from '../builder';
import { recordThreadRead } from '../domain/audit/audit-reads';
import type { CasesContext } from '../context';
import { markMessagesRead, messageAad, postMessage, threadOfReferral, type MessageThreadView, type MessageView } from '../domain/messages';
import { loadMessages, MESSAGE_PAGE_DEFAULT, MESSAGE_PAGE_MAX, unreadCountLoader, type MessagePage } from '../domain/messages-thread';
import { OrganisationRef } from './organisation';
import { UserRef } from './user';

export const ThreadSideEnum = builder.enumType('ThreadSide', {
  description: 'The two parties of a referral: the coordinating organisation and the receiving one.',
  values: ['COORDINATOR', 'PARTNER'] as const,
});

/** Null when the body does not open (a key missing from the ring, a damaged row): the thread still loads. */
async function openBody(message: MessageView, ctx: CasesContext): Promise<string | null> {
  // No body without its audit record (NEN 7513): if the trail cannot be written, the body is withheld.
  const recorded = await recordThreadRead(ctx, message.referral).then(
    () => true,
    () => {
      ctx.log.error('audit write failed: message body withheld', { requestId: ctx.requestId, messageId: message.id });
      return false;
    },
  );
  if (!recorded) return null;
  try {
    return open(ctx.settings.keyRing, { keyId: message.keyId, sealed: Buffer.from(message.sealed) }, messageAad(message.id));
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    // Ids only: the message id and key id say which row and key to look at, and nothing about the person.
    ctx.log.warn('message body does not open', { messageId: message.id, keyId: message.keyId });
    return null;
  }
}

export const MessageRef = builder.objectRef<MessageView>('Message').implement({
  description: "A message in a referral's thread; only the referral's two parties read it.",
  fields: (t) => ({
    id: t.exposeID('id'),
    body: t.string({ nullable: true, resolve: (message, _args, ctx) => openBody(message, ctx) }),
    side: t.field({ type: ThreadSideEnum, resolve: (message) => message.side }),
    sentAt: t.field({ type: 'DateTime', resolve: (message) => message.sentAt }),
    author: t.field({
      type: UserRef,
      nullable: true,
      description: 'null: written by the organisation’s integration (API token).',
      resolve: (message) => (message.authorUserId ? { id: message.authorUserId } : null),
    }),
    authorOrganisation: t.field({ type: OrganisationRef, resolve: (message) => ({ id: message.authorOrganisationId }) }),
  }),
});

const MessageConnectionRef = builder.objectRef<MessagePage>('MessageConnection').implement({
  description: 'One page of a thread, oldest message first.',
  fields: (t) => ({
    nodes: t.field({ type: [MessageRef], resolve: (page) => page.nodes }),
    endCursor: t.string({ nullable: true, description: 'Pass as `after` for the next page.', resolve: (page) => page.endCursor }),
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
  }),
});

/** A referral's thread as the caller's side sees it (Referral.messageThread, markMessagesRead). */
export const MessageThreadRef = builder.objectRef<MessageThreadView>('MessageThread').implement({
  fields: (t) => ({
    side: t.field({ type: ThreadSideEnum, description: "The caller's side of the thread.", resolve: (thread) => thread.side }),
    messages: t.field({
      type: MessageConnectionRef,
      description: `Oldest first; \`first\` is at most ${MESSAGE_PAGE_MAX}.`,
      args: {
        first: t.arg.int({ defaultValue: MESSAGE_PAGE_DEFAULT }),
        after: t.arg.string(),
      },
      resolve: (thread, args, ctx) => loadMessages(ctx.db, thread, args),
    }),
    unreadCount: t.int({
      description: "The other side's messages this side has not read yet.",
      resolve: (thread, _args, ctx) => unreadCountLoader(ctx).load({ referralId: thread.referral.id, side: thread.side }),
    }),
  }),
});

// Added from here rather than in referral.ts, so the message area stays in its own files; the Referral
// rule for it is in rules/message-rules.ts.
builder.prismaObjectField('Referral', 'messageThread', (t) =>
  t.field({
    type: MessageThreadRef,
    description: 'The thread between the two sides of the referral, as the caller’s side sees it.',
    resolve: (referral, _args, ctx) => threadOfReferral(ctx.caller, referral),
  }),
);

builder.mutationFields((t) => ({
  postMessage: t.field({
    type: MessageRef,
    description: "Posts on the caller's side of a referral's thread (1–4000 characters; only while the case is open).",
    args: {
      referralId: t.arg.id({ required: true }),
      body: t.arg.string({ required: true }),
      idempotencyKey: t.arg.string({ description: 'Same key and body again: the first message is returned, nothing is posted twice.' }),
    },
    resolve: (_root, args, ctx) =>
      postMessage(ctx.db, ctx.settings.keyRing, ctx.caller, { referralId: String(args.referralId), body: args.body, idempotencyKey: args.idempotencyKey, requestId: ctx.requestId }),
  }),
  markMessagesRead: t.field({
    type: MessageThreadRef,
    description: "The caller's side has read the thread up to now.",
    args: { referralId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => markMessagesRead(ctx.db, ctx.caller, String(args.referralId), ctx.requestId),
  }),
}));

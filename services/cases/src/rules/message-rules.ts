import { hasRole, objectRule } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import type { ThreadParties } from '../domain/messages';
import { referralSideOf } from '../domain/referral-access';

// Threads are reached through a referral the caller is a party to (the mutations and Referral.messageThread
// check that first). These rules check it again on every object, from the referral's parties carried on
// it, so no other path — a future field, `_entities`, a list — can show a message to a third party.
// Never cached: one thread's answer must not be reused for the next.
const threadParty = objectRule('threadParty', (row: { referral?: ThreadParties; side?: unknown }, ctx) => {
  const side = referralSideOf(ctx.caller, row.referral);
  return side !== null && side === row.side;
});
const messageParty = objectRule('messageParty', (row: { referral?: ThreadParties }, ctx) => referralSideOf(ctx.caller, row.referral) !== null);

const referralThreadParty = objectRule(
  'referralThreadParty',
  (row: { organisationId?: string | null; coordinatingOrganisationId?: string | null }, ctx) => referralSideOf(ctx.caller, row) !== null,
);

/** Who may try to write to a thread; the referral itself decides the rest (domain/messages.ts). */
const threadWriter = hasRole('COORDINATOR', 'PARTNER_STAFF', 'PARTNER_ADMIN');

export const messageRules: IRuleTypeMap = {
  Mutation: {
    postMessage: threadWriter,
    markMessagesRead: threadWriter,
  },
  Referral: {
    messageThread: referralThreadParty,
  },
  MessageThread: {
    side: threadParty,
    messages: threadParty,
    unreadCount: threadParty,
  },
  MessageConnection: {
    nodes: messageParty,
    endCursor: messageParty,
    hasNextPage: messageParty,
  },
  Message: {
    id: messageParty,
    body: messageParty,
    side: messageParty,
    sentAt: messageParty,
    author: messageParty,
    authorOrganisation: messageParty,
  },
};

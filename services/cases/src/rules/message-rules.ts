import { objectRule, roleOrScope } from '@haven/kit/src/graphql/permissions';
import type { Identity } from '@haven/kit/src/trust/tokens';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';
import type { ThreadParties } from '../domain/messages';
import { referralSideOf } from '../domain/referral-access';

// Threads are reached through a referral the caller is a party to (the mutations and Referral.messageThread
// check that first). These rules check it again on every object, from the referral's parties carried on
// it, so no other path — a future field, `_entities`, a list — can show a message to a third party.
// Never cached: one thread's answer must not be reused for the next.
/** A person of either side reads; an integration token only with messages:read (its side is the referral's check). */
const mayReadThreads = (caller: Identity | null) => caller?.kind !== 'integration' || caller.scopes.includes('messages:read');

const threadParty = objectRule('threadParty', (row: { referral?: ThreadParties; side?: unknown }, ctx) => {
  const side = referralSideOf(ctx.caller, row.referral);
  return side !== null && side === row.side && mayReadThreads(ctx.caller);
});
const messageParty = objectRule(
  'messageParty',
  (row: { referral?: ThreadParties }, ctx) => referralSideOf(ctx.caller, row.referral) !== null && mayReadThreads(ctx.caller),
);

const referralThreadParty = objectRule(
  'referralThreadParty',
  (row: { organisationId?: string | null; coordinatingOrganisationId?: string | null }, ctx) =>
    referralSideOf(ctx.caller, row) !== null && mayReadThreads(ctx.caller),
);

/** Who may try to write to a thread (people of either side, or a token with messages:write); the referral decides the rest (domain/messages.ts). */
const threadWriter = roleOrScope(['COORDINATOR', 'PARTNER_STAFF', 'PARTNER_ADMIN'], 'messages:write');



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

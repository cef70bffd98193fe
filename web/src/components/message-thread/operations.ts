import 'server-only';
import { graphql, type ResultOf } from '@/lib/graphql';

/**
 * The message thread of one referral, as the caller's side sees it (the API decides the side from the
 * session: coordinators of the case's organisation, or the receiving organisation). Authors are named by
 * organisation only: another organisation's user names are not the reader's to see.
 */
export const messageThreadOperation = graphql(`
  query PortalMessageThread($referralId: ID!, $after: String) {
    referral(id: $referralId) {
      id
      messageThread {
        side
        unreadCount
        messages(first: 100, after: $after) {
          nodes {
            id
            body
            side
            sentAt
            author { id }
            authorOrganisation { id name }
          }
          endCursor
          hasNextPage
        }
      }
    }
  }
`);
export type ThreadMessage = ResultOf<typeof messageThreadOperation>['referral']['messageThread']['messages']['nodes'][number];

export const markMessagesReadOperation = graphql(`
  mutation PortalMarkMessagesRead($referralId: ID!) {
    markMessagesRead(referralId: $referralId) { unreadCount }
  }
`);

export const postMessageOperation = graphql(`
  mutation PortalPostMessage($referralId: ID!, $body: String!, $idempotencyKey: String) {
    postMessage(referralId: $referralId, body: $body, idempotencyKey: $idempotencyKey) { id }
  }
`);

import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/** The caller's own organisation's services with their capacity (partners subgraph). */
export const ownCapacityOperation = graphql(`
  query PortalOwnCapacity($id: ID!) {
    organisation(id: $id) {
      id
      name
      services {
        id
        name
        type
        capacity { totalSlots heldSlots availableSlots waitlistLength paused confirmedAt updatedAt stale }
      }
    }
  }
`);
export type CapacityService = NonNullable<ResultOf<typeof ownCapacityOperation>['organisation']>['services'][number];

/** The whole statement at once (total, waitlist, paused); saving it also confirms it. */
export const updateCapacityOperation = graphql(`
  mutation PortalUpdateCapacity($input: UpdateCapacityInput!) {
    updateCapacity(input: $input) { totalSlots heldSlots availableSlots waitlistLength paused confirmedAt }
  }
`);

/** The current statement of one service, read again right before a one-click change. */
export const serviceCapacityOperation = graphql(`
  query PortalServiceCapacity($id: ID!) {
    service(id: $id) {
      id
      organisation { id }
      capacity { totalSlots heldSlots waitlistLength paused }
    }
  }
`);

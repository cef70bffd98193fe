import 'server-only';
import { graphql } from '@/lib/graphql';

/** The second step of a sign-in with two-factor authentication (schema/identity.graphql completeLogin). */
export const completeLoginOperation = graphql(`
  mutation PortalCompleteLogin($input: CompleteLoginInput!) {
    completeLogin(input: $input) {
      sessionToken
      activeOrganisation { id }
      memberships { organisation { id } }
    }
  }
`);

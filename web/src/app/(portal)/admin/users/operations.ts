import 'server-only';
import { graphql } from '@/lib/graphql';

/** An account whose owner receives an e-mailed link to choose their own password (schema/identity.graphql). */
export const inviteUserOperation = graphql(`
  mutation PortalInviteUser($input: CreateUserInput!) {
    inviteUser(input: $input) { id }
  }
`);

import 'server-only';
import { graphql } from '@/lib/graphql';

/** The e-mailed account links (schema/identity.graphql): all anonymous, the link's token is the credential. */
export const requestPasswordResetOperation = graphql(`
  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const resetPasswordOperation = graphql(`
  mutation PortalResetPassword($input: SetPasswordByLinkInput!) {
    resetPassword(input: $input)
  }
`);

export const acceptInvitationOperation = graphql(`
  mutation PortalAcceptInvitation($input: SetPasswordByLinkInput!) {
    acceptInvitation(input: $input)
  }
`);

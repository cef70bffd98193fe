import 'server-only';
import { graphql } from '@/lib/graphql';

/** The account page: the signed-in person's own security settings (schema/identity.graphql). */
export const accountSecurityOperation = graphql(`
  query PortalAccountSecurity {
    me { twoFactor { enabled recoveryCodesLeft required thisSession } }
  }
`);

export const changePasswordOperation = graphql(`
  mutation PortalChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const startTotpEnrolmentOperation = graphql(`
  mutation PortalStartTotpEnrolment {
    startTotpEnrolment { otpauthUri secret }
  }
`);

export const confirmTotpEnrolmentOperation = graphql(`
  mutation PortalConfirmTotpEnrolment($code: String!) {
    confirmTotpEnrolment(code: $code) { codes }
  }
`);

export const disableTotpOperation = graphql(`
  mutation PortalDisableTotp($code: String!) {
    disableTotp(code: $code)
  }
`);

import 'server-only';
import { graphql } from '../graphql';

/** Consent records of a case as its coordinator records and reviews them. */
export const caseConsentOperation = graphql(`
  query PortalCaseConsent($id: ID!) {
    case(id: $id) {
      id reference status age ageGroup
      consentRecords {
        id recordId version status legalBasis justification categories wholeNetwork
        recipientOrganisationIds purposes givenBy givenHow validFrom validUntil createdAt
      }
    }
    organisations { id name kind active }
  }
`);

export const recordConsentOperation = graphql(`
  mutation PortalRecordConsent($caseId: ID!, $input: ConsentInput!) {
    recordConsent(caseId: $caseId, input: $input) { id status }
  }
`);

export const withdrawConsentOperation = graphql(`
  mutation PortalWithdrawConsent($recordId: ID!, $scope: ConsentWithdrawalScopeInput) {
    withdrawConsent(recordId: $recordId, scope: $scope) { id status categories }
  }
`);

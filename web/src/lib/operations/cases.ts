import 'server-only';
import { graphql } from '../graphql';

/**
 * The coordinator's case operations. Lists and the dashboard ask for pseudonymous fields only; personal
 * data is asked for on the case page alone, because every category read there is audited.
 */

/** The dashboard: overdue referrals first, then the active ones (for the counts by state) and open cases. */
export const dashboardOperation = graphql(`
  query PortalCoordinatorDashboard {
    overdueReferrals(first: 50) {
      nodes { id state need deadlineAt overdue sentAt service { id name } organisation { id name } case { id reference urgency } }
      hasNextPage
    }
    sentReferrals(first: 100) {
      nodes { id state need deadlineAt overdue sentAt service { id name } organisation { id name } case { id reference urgency } }
      hasNextPage
    }
    cases(status: OPEN, first: 100) { nodes { id reference urgency needs createdAt } hasNextPage }
  }
`);

/** The case page: facts, the personal data to show, referrals, timeline, grants and consent in brief. */
export const caseOperation = graphql(`
  query PortalCase($id: ID!) {
    case(id: $id) {
      id reference urgency needs status createdAt closedAt
      age ageGroup gender languages province place exploitationType
      coordinator { id displayName }
      personalData {
        identity { name birthDate }
        contact { phone address whereabouts }
        health { notes }
        caseNotes { notes }
        withheld
      }
      referrals {
        id state need sentAt deadlineAt overdue
        service { id name }
        organisation { id name }
      }
      timeline {
        id kind at referralId reasonCode reasonText fromState toState
        actor { id displayName }
        actorOrganisation { id name }
      }
      consentRecords { id status categories purposes wholeNetwork validUntil }
    }
  }
`);

/** Only the pseudonymous frame of a case: for sub-pages that show no personal data. */
export const caseFrameOperation = graphql(`
  query PortalCaseFrame($id: ID!) {
    case(id: $id) {
      id reference urgency needs status
      age gender languages province place exploitationType
      referrals { id state service { id } }
      consentRecords { id status }
    }
  }
`);

/** Who read this case's personal data (coordinators of the case's organisation). */
export const caseAccessLogOperation = graphql(`
  query PortalCaseAccessLog($caseId: ID!, $after: String) {
    caseAccessLog(caseId: $caseId, first: 50, after: $after) {
      nodes {
        id at action actorKind actorRole categories purpose emergencyReason
        actorUser { id displayName }
        actorOrganisation { id name }
        onBehalfOfOrganisation { id name }
      }
      endCursor
      hasNextPage
    }
  }
`);

export const createCaseOperation = graphql(`
  mutation PortalCreateCase($input: CreateCaseInput!, $idempotencyKey: String) {
    createCase(input: $input, idempotencyKey: $idempotencyKey) { id reference }
  }
`);

export const closeCaseOperation = graphql(`
  mutation PortalCloseCase($caseId: ID!, $reason: String) {
    closeCase(caseId: $caseId, reason: $reason) { id status closedAt }
  }
`);

/** One referral of a case as its coordinator follows it. */
export const referralOperation = graphql(`
  query PortalCoordinatorReferral($id: ID!) {
    referral(id: $id) {
      id state need sentAt deadlineAt overdue respondedAt intakeAt endedAt declineReason outcome reasonText
      service { id name }
      organisation { id name }
      sentBy { id displayName }
      case { id reference urgency status }
      timeline {
        id kind at reasonCode reasonText fromState toState
        actor { id displayName }
        actorOrganisation { id name }
      }
    }
  }
`);

export const sendReferralOperation = graphql(`
  mutation PortalSendReferral($input: SendReferralInput!, $idempotencyKey: String) {
    sendReferral(input: $input, idempotencyKey: $idempotencyKey) { id state }
  }
`);

export const withdrawReferralOperation = graphql(`
  mutation PortalWithdrawReferral($id: ID!, $reason: String!) {
    withdrawReferral(id: $id, reason: $reason) { id state }
  }
`);

/** Emergency grants of a case, and the partners with an active referral (who may receive one). */
export const emergencyOperation = graphql(`
  query PortalCaseEmergency($id: ID!) {
    case(id: $id) {
      id reference status
      referrals { id state organisation { id name } }
      emergencyGrants {
        id category reason grantedAt expiresAt
        organisation { id name }
        grantedBy { id displayName }
      }
    }
  }
`);

export const grantEmergencyAccessOperation = graphql(`
  mutation PortalGrantEmergencyAccess($input: GrantEmergencyAccessInput!) {
    grantEmergencyAccess(input: $input) { id expiresAt }
  }
`);

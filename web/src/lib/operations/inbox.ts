import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/**
 * The partner's inbox: referrals sent to the caller's organisation. Before accepting, a partner sees only
 * the minimal facts of the case, so the list and the first read of a referral ask for those alone; the
 * care facts and personal data are a separate query, made only while the organisation holds the person
 * (accepted, in care) — personal-data reads are audited per category asked.
 */

export const incomingReferralsOperation = graphql(`
  query PortalIncomingReferrals($states: [ReferralState!], $after: String) {
    incomingReferrals(states: $states, first: 100, after: $after) {
      nodes {
        id
        state
        need
        service { id name }
        sentAt
        deadlineAt
        overdue
        respondedAt
        endedAt
        case { id reference urgency ageGroup gender languages province }
        messageThread { unreadCount }
      }
      endCursor
      hasNextPage
    }
  }
`);
export type IncomingReferral = ResultOf<typeof incomingReferralsOperation>['incomingReferrals']['nodes'][number];

/** One referral with the minimal facts (what any state of it may show the receiving organisation). */
export const incomingReferralOperation = graphql(`
  query PortalIncomingReferral($id: ID!) {
    referral(id: $id) {
      id
      state
      need
      service { id name }
      coordinatingOrganisation { id name }
      sentAt
      deadlineAt
      overdue
      respondedAt
      intakeAt
      endedAt
      declineReason
      outcome
      reasonText
      case {
        id reference urgency needs ageGroup gender languages province
        # Which categories an active emergency grant opens for this organisation; opens (and records) nothing.
        personalData { emergency { category } }
      }
      timeline { id kind at actorOrganisation { id name } }
    }
  }
`);
export type IncomingReferralDetail = ResultOf<typeof incomingReferralOperation>['referral'];

/**
 * The personal data a partner may be shown (each category the gate opens, the withheld ones, and the emergency
 * grants behind it): the same selection after accepting and, before, through an emergency grant. Unmasked, so
 * the operations' types carry the fields.
 */
const referralPersonalDataFields = graphql(`
  fragment ReferralPersonalDataFields on CasePersonalData @_unmask {
    identity { name birthDate }
    contact { phone address whereabouts }
    health { notes }
    caseNotes { notes }
    withheld
    emergency { category reason expiresAt }
  }
`);

/** What care needs, once accepted: exploitation type, place and the personal data consent allows. */
export const referralCareOperation = graphql(`
  query PortalReferralCare($id: ID!) {
    referral(id: $id) {
      id
      case {
        id
        exploitationType
        place
        personalData { ...ReferralPersonalDataFields }
      }
    }
  }
`, [referralPersonalDataFields]);
export type ReferralCare = NonNullable<ResultOf<typeof referralCareOperation>['referral']['case']>;

/**
 * Before accepting, a partner reads personal data only through an active emergency grant (docs/security.md):
 * asked for only when the referral says one is active. The gate opens just the granted categories; the
 * others come back withheld.
 */
export const referralEmergencyDataOperation = graphql(`
  query PortalReferralEmergencyData($id: ID!) {
    referral(id: $id) {
      id
      case {
        id
        personalData { ...ReferralPersonalDataFields }
      }
    }
  }
`, [referralPersonalDataFields]);
export type ReferralPersonalData = ReferralCare['personalData'];

export const acceptReferralOperation = graphql(`
  mutation PortalAcceptReferral($id: ID!) {
    acceptReferral(id: $id) { id state }
  }
`);

export const declineReferralOperation = graphql(`
  mutation PortalDeclineReferral($id: ID!, $reason: DeclineReason!, $text: String) {
    declineReferral(id: $id, reason: $reason, text: $text) { id state }
  }
`);

export const recordIntakeOperation = graphql(`
  mutation PortalRecordIntake($id: ID!) {
    recordIntake(id: $id) { id state }
  }
`);

export const cancelReferralOperation = graphql(`
  mutation PortalCancelReferral($id: ID!, $reason: String) {
    cancelReferral(id: $id, reason: $reason) { id state }
  }
`);

export const closeReferralOperation = graphql(`
  mutation PortalCloseReferral($id: ID!, $outcome: ReferralOutcome!, $text: String) {
    closeReferral(id: $id, outcome: $outcome, text: $text) { id state }
  }
`);

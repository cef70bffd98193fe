import 'server-only';
import { graphql, type ResultOf } from '../graphql';

/**
 * The auditor's operations (identity serves the audit log). Actors are shown by id, organisation and role:
 * an auditor may not read other people's names or addresses, and the log itself holds ids only.
 */

export const auditChainStatusOperation = graphql(`
  query PortalAuditChainStatus {
    auditChainStatus { ok events firstBrokenSeq reason checkedAt }
  }
`);

export const auditSearchOperation = graphql(`
  query PortalAuditSearch($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        seq id at action part actorKind actorUserId actorRole
        actorOrganisation { id name }
        onBehalfOfOrganisation { id name }
        caseId referralId subjectId categories purpose
      }
      endCursor
      hasNextPage
    }
    organisations { id name }
  }
`);
export type AuditEventRow = ResultOf<typeof auditSearchOperation>['auditEvents']['nodes'][number];

/** One audit event as the case-access page lists it, whichever of its three kinds. Unmasked, so the operation's type carries the fields. */
const caseAccessEventFields = graphql(`
  fragment CaseAccessEventFields on AuditEvent @_unmask {
    seq at action actorKind actorUserId actorRole
    actorOrganisation { id name }
    onBehalfOfOrganisation { id name }
    referralId categories purpose consentRecordId emergencyGrantId emergencyReason
  }
`);

/**
 * Every read of one case, by the actions that mean "someone saw it" (docs/security.md): personal data by
 * category, message bodies, and emergency grants. One page of 100 each, newest first.
 */
export const caseAccessOperation = graphql(`
  query PortalAuditCaseAccess($reads: AuditEventFilter!, $messages: AuditEventFilter!, $emergencies: AuditEventFilter!) {
    reads: auditEvents(filter: $reads, first: 100) {
      hasNextPage
      nodes { ...CaseAccessEventFields }
    }
    messages: auditEvents(filter: $messages, first: 100) {
      hasNextPage
      nodes { ...CaseAccessEventFields }
    }
    emergencies: auditEvents(filter: $emergencies, first: 100) {
      hasNextPage
      nodes { ...CaseAccessEventFields }
    }
  }
`, [caseAccessEventFields]);
export type CaseAccessEvent = ResultOf<typeof caseAccessOperation>['reads']['nodes'][number];

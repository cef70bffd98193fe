import { hasRole, objectRule } from '@haven/kit/src/graphql/permissions';
import type { IRuleTypeMap } from 'graphql-shield/typings/types';

// The audit log's read side, merged into identityPermissions. Auditors read the whole log and check the chain;
// coordinators read the access log of their own organisation's cases; nobody else reaches either (not network
// admins, not partners, not integrations: hasRole never passes an API token).

const auditor = hasRole('AUDITOR');
const coordinator = hasRole('COORDINATOR');

/** Each entry again, not only the query: an entry reaches the response only for its case's coordinating organisation. */
const coordinatesEntryCase = objectRule<{ caseOrganisationId: string | null }>(
  'coordinatesEntryCase',
  (entry, ctx) =>
    ctx.caller!.kind === 'user' &&
    ctx.caller!.roles.includes('COORDINATOR') &&
    entry.caseOrganisationId !== null &&
    entry.caseOrganisationId === ctx.caller!.organisationId,
);

const every = <Field extends string>(fields: readonly Field[], rule: unknown) =>
  Object.fromEntries(fields.map((field) => [field, rule])) as Record<Field, never>;

export const auditPermissions: IRuleTypeMap = {
  Query: {
    auditEvents: auditor,
    auditChainStatus: auditor,
    caseAccessLog: coordinator,
  },
  AuditEvent: every(
    [
      'seq', 'id', 'at', 'action', 'part', 'requestId', 'actorKind', 'actorUserId', 'actorUser', 'actorOrganisation', 'actorRole',
      'onBehalfOfOrganisation', 'caseId', 'caseOrganisation', 'referralId', 'subjectId', 'categories', 'purpose', 'consentRecordId',
      'emergencyGrantId', 'emergencyReason', 'prevHash', 'hash',
    ],
    auditor,
  ),
  AuditEventConnection: every(['nodes', 'endCursor', 'hasNextPage'], auditor),
  AuditChainStatus: every(['ok', 'events', 'firstBrokenSeq', 'reason', 'checkedAt'], auditor),
  CaseAccessEntry: every(
    [
      'id', 'at', 'action', 'actorKind', 'actorUser', 'actorOrganisation', 'actorRole', 'onBehalfOfOrganisation', 'referralId',
      'categories', 'purpose', 'consentRecordId', 'emergencyGrantId', 'emergencyReason',
    ],
    coordinatesEntryCase,
  ),
  CaseAccessConnection: every(['nodes', 'endCursor', 'hasNextPage'], coordinator),
};

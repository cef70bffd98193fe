import { builder } from '../builder';
import { auditActorFields } from './audit-actor-fields';
import { listCaseAccess, type AuditEventPage, type AuditEventRecord } from '../domain/read-audit-events';

/**
 * One access to a case's personal data, as the person concerned may ask to know it through their coordinator
 * (DESIGN.md "Audit"): who read which categories when, for what purpose, on what basis — a consent record,
 * or an emergency grant and its reason. The chain fields and request ids stay with the auditors (AuditEvent).
 */
const CaseAccessEntryType = builder.objectRef<AuditEventRecord>('CaseAccessEntry').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    action: t.exposeString('action', { description: "'personal-data.read', 'message.read' (the referral's message thread), or 'emergency-access.grant' for an emergency opening." }),
    actorKind: t.exposeString('actorKind', { description: "'user' or 'integration' (an API token)." }),
    ...auditActorFields(t, 'For an emergency grant: the receiving organisation it was opened for.'),
    referralId: t.exposeID('referralId', { nullable: true }),
    categories: t.exposeStringList('categories'),
    purpose: t.exposeString('purpose', { nullable: true }),
    consentRecordId: t.exposeID('consentRecordId', { nullable: true, description: 'Set when consent was the basis.' }),
    emergencyGrantId: t.exposeID('emergencyGrantId', { nullable: true, description: 'Set when an emergency grant was the basis.' }),
    emergencyReason: t.exposeString('emergencyReason', { nullable: true }),
  }),
});

const CaseAccessConnection = builder.objectRef<AuditEventPage>('CaseAccessConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [CaseAccessEntryType], resolve: (page) => page.nodes }),
    endCursor: t.string({ nullable: true, description: 'Pass as `after` for the next page.', resolve: (page) => page.endCursor }),
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
  }),
});

builder.queryFields((t) => ({
  caseAccessLog: t.field({
    type: CaseAccessConnection,
    description:
      "Who read this case's personal data, newest first (coordinators of the case's coordinating organisation). " +
      "Another organisation's case, like one nobody read, gives an empty list. At most 100 per page.",
    args: { caseId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
    // The rule (audit-permissions.ts) guarantees a user with an active organisation.
    resolve: (_root, args, ctx) =>
      listCaseAccess(ctx.db, ctx.caller!.organisationId!, String(args.caseId), { first: args.first, after: args.after }),
  }),
}));

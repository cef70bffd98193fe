import { builder } from '../builder';
import { auditActorFields } from './audit-actor-fields';
import { checkAuditChain, type AuditChainStatus } from '../domain/check-audit-chain';
import { listAuditEvents, type AuditEventPage, type AuditEventRecord } from '../domain/read-audit-events';
import { organisationLoader } from './loaders';
import { OrganisationType } from './organisation';

/**
 * One entry of the tamper-evident audit log (NEN 7513), for auditors: who did what, in which part, to which case
 * or referral, on what basis. Ids only (the log holds no personal data); the User and Organisation references
 * resolve through the directory and carry their own field rules.
 */
export const AuditEventType = builder.objectRef<AuditEventRecord>('AuditEvent').implement({
  fields: (t) => ({
    seq: t.exposeString('seq', { description: 'Position in the hash chain: 1, 2, 3 … without gaps (a decimal string: it outgrows Int).' }),
    id: t.exposeID('id'),
    at: t.expose('at', { type: 'DateTime' }),
    action: t.exposeString('action', { description: "Dotted verb: 'personal-data.read', 'referral.accept', 'consent.record' …" }),
    part: t.exposeString('part', { description: 'The part of Haven that wrote it (identity, cases …).' }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'Ties the event to the request in the parts’ logs.' }),
    actorKind: t.exposeString('actorKind', { description: "'user', 'integration' (an API token) or 'system' (a job)." }),
    actorUserId: t.exposeID('actorUserId', { nullable: true, description: 'The user, or for an integration the API token id.' }),
    ...auditActorFields(t),
    caseId: t.exposeID('caseId', { nullable: true }),
    caseOrganisation: t.field({
      type: OrganisationType,
      nullable: true,
      description: "The case's coordinating organisation.",
      resolve: (e, _args, ctx) => (e.caseOrganisationId ? organisationLoader(ctx).load(e.caseOrganisationId) : null),
    }),
    referralId: t.exposeID('referralId', { nullable: true }),
    subjectId: t.exposeID('subjectId', { nullable: true, description: 'What was acted on when no other field names it (a user, an API token …).' }),
    categories: t.exposeStringList('categories', { description: 'Personal-data categories involved.' }),
    purpose: t.exposeString('purpose', { nullable: true }),
    consentRecordId: t.exposeID('consentRecordId', { nullable: true, description: 'The consent record version that allowed it.' }),
    emergencyGrantId: t.exposeID('emergencyGrantId', { nullable: true, description: 'The emergency (break-glass) grant that allowed it.' }),
    emergencyReason: t.exposeString('emergencyReason', { nullable: true }),
    prevHash: t.exposeString('prevHash'),
    hash: t.exposeString('hash', { description: 'sha256 over prevHash and this entry (audit.event_digest in the database).' }),
  }),
});

const AuditEventConnection = builder.objectRef<AuditEventPage>('AuditEventConnection').implement({
  fields: (t) => ({
    nodes: t.field({ type: [AuditEventType], resolve: (page) => page.nodes }),
    endCursor: t.string({ nullable: true, description: 'Pass as `after` for the next page.', resolve: (page) => page.endCursor }),
    hasNextPage: t.boolean({ resolve: (page) => page.hasNextPage }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    caseId: t.id(),
    userId: t.id({ description: 'The acting user (or API token).' }),
    organisationId: t.id({ description: 'Events by, on behalf of, or about a case of this organisation.' }),
    action: t.string(),
    from: t.field({ type: 'DateTime', description: 'Inclusive.' }),
    to: t.field({ type: 'DateTime', description: 'Exclusive.' }),
  }),
});

const AuditChainStatusType = builder.objectRef<AuditChainStatus>('AuditChainStatus').implement({
  description: 'The whole chain recomputed: intact, or the first entry that was changed, removed or replaced.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    events: t.exposeInt('events'),
    firstBrokenSeq: t.string({ nullable: true, resolve: (s) => (s.ok ? null : s.firstBrokenSeq) }),
    reason: t.string({
      nullable: true,
      description: 'SEQ_GAP (entries missing before it), HASH_MISMATCH (changed), LINK_MISMATCH (the entry before was replaced).',
      resolve: (s) => (s.ok ? null : s.reason),
    }),
    checkedAt: t.expose('checkedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.field({
    type: AuditEventConnection,
    description: 'The audit log, newest first (auditors). At most 100 per page.',
    args: {
      filter: t.arg({ type: AuditEventFilter }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      listAuditEvents(
        ctx.db,
        {
          caseId: args.filter?.caseId == null ? null : String(args.filter.caseId),
          userId: args.filter?.userId == null ? null : String(args.filter.userId),
          organisationId: args.filter?.organisationId == null ? null : String(args.filter.organisationId),
          action: args.filter?.action ?? null,
          from: args.filter?.from ?? null,
          to: args.filter?.to ?? null,
        },
        { first: args.first, after: args.after },
      ),
  }),
  auditChainStatus: t.field({
    type: AuditChainStatusType,
    description: 'Checks the whole hash chain now (auditors); reads every entry.',
    resolve: (_root, _args, ctx) => checkAuditChain(ctx.db),
  }),
}));

import { Prisma } from '../generated/prisma/client';
import { badInput } from '@haven/kit/src/errors';
import { pageSize } from '@haven/kit/src/graphql/pagination';
import { isUuid } from '@haven/kit/src/graphql/uuid';

/** Every column of an event, ids as text (what AuditEventRecord holds). */
const EVENT_COLUMNS = Prisma.sql`e."seq"::text AS "seq", e."id"::text AS "id", e."at", e."action", e."part", e."requestId", e."actorKind",
  e."actorUserId"::text AS "actorUserId", e."actorOrganisationId"::text AS "actorOrganisationId", e."actorRole",
  e."onBehalfOfOrganisationId"::text AS "onBehalfOfOrganisationId", e."caseId"::text AS "caseId",
  e."caseOrganisationId"::text AS "caseOrganisationId", e."referralId"::text AS "referralId", e."subjectId"::text AS "subjectId",
  coalesce(e."categories", '{}') AS "categories", e."purpose", e."consentRecordId"::text AS "consentRecordId",
  e."emergencyGrantId"::text AS "emergencyGrantId", e."emergencyReason", e."prevHash", e."hash"`;
import type { IdentityDb } from '../db';

// The auditors' and coordinators' view of the audit log ("audit"."AuditEvent", written by every service through
// kit's writeAuditEvents). Identity's Prisma client knows only its own schema, so these are raw queries; identity's
// app role is the only one allowed to SELECT there. Newest first, keyset over seq: unlike (at, id) it orders the
// events of one statement (same millisecond) as they were written, and the trigger stamps `at` in seq order anyway.

/** A stored event as identity reads it (seq as text: it is a bigint). */
export interface AuditEventRecord {
  seq: string;
  id: string;
  at: Date;
  action: string;
  part: string;
  requestId: string | null;
  actorKind: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorRole: string | null;
  onBehalfOfOrganisationId: string | null;
  caseId: string | null;
  caseOrganisationId: string | null;
  referralId: string | null;
  subjectId: string | null;
  categories: string[];
  purpose: string | null;
  consentRecordId: string | null;
  emergencyGrantId: string | null;
  emergencyReason: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditEventFilter {
  caseId?: string | null;
  /** The acting user (or token). */
  userId?: string | null;
  /** Events by, on behalf of, or about a case of this organisation. */
  organisationId?: string | null;
  action?: string | null;
  /** Inclusive lower and exclusive upper bound on `at`. */
  from?: Date | null;
  to?: Date | null;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface AuditEventPage {
  nodes: AuditEventRecord[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export const AUDIT_PAGE_DEFAULT = 50;

/** What a person may learn about reads of their case data (DESIGN.md "Audit": the right to know). */
export const CASE_ACCESS_ACTIONS = ['personal-data.read', 'message.read', 'emergency-access.grant'] as const;

/** Opaque to clients, like kit's cursors: base64url of "seq:<n>", checked on the way back in. */
export function encodeSeqCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

export function decodeSeqCursor(cursor: string, field = 'after'): string {
  const match = /^seq:([1-9][0-9]{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput(field, 'Unknown cursor');
  return match[1]!;
}

/** One page from `size + 1` rows (the extra one only says there is more), as kit's toPage. */
function toSeqPage(rows: AuditEventRecord[], size: number): AuditEventPage {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return { nodes, endCursor: last ? encodeSeqCursor(last.seq) : null, hasNextPage: rows.length > size };
}

function uuidOrNull(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isUuid(value)) throw badInput(field, `${field} must be an id`);
  return value;
}

/** Every event matching `filter` (auditors). */
export async function listAuditEvents(db: IdentityDb, filter: AuditEventFilter, page: PageArgs): Promise<AuditEventPage> {
  const size = pageSize(page.first, AUDIT_PAGE_DEFAULT);
  const after = page.after ? decodeSeqCursor(page.after) : null;
  const caseId = uuidOrNull(filter.caseId, 'caseId');
  const userId = uuidOrNull(filter.userId, 'userId');
  const organisationId = uuidOrNull(filter.organisationId, 'organisationId');
  const action = filter.action ?? null;
  const from = filter.from ?? null;
  const to = filter.to ?? null;
  const rows = await db.$queryRaw<AuditEventRecord[]>`
    SELECT ${EVENT_COLUMNS}
      FROM "audit"."AuditEvent" e
     WHERE (${caseId}::uuid IS NULL OR e."caseId" = ${caseId}::uuid)
       AND (${userId}::uuid IS NULL OR e."actorUserId" = ${userId}::uuid)
       AND (${organisationId}::uuid IS NULL OR ${organisationId}::uuid IN (e."actorOrganisationId", e."caseOrganisationId", e."onBehalfOfOrganisationId"))
       AND (${action}::text IS NULL OR e."action" = ${action}::text)
       AND (${from}::timestamptz IS NULL OR e."at" >= ${from}::timestamptz)
       AND (${to}::timestamptz IS NULL OR e."at" < ${to}::timestamptz)
       AND (${after}::bigint IS NULL OR e."seq" < ${after}::bigint)
     ORDER BY e."seq" DESC
     LIMIT ${size + 1}`;
  return toSeqPage(rows, size);
}

/**
 * The reads of one case's personal data and the emergency grants on it, for a coordinator of the case's
 * coordinating organisation. Another organisation's case gives an empty page, exactly as a case without reads
 * does: the answer never tells whether the case exists.
 */
export async function listCaseAccess(db: IdentityDb, coordinatorOrganisationId: string, caseIdArg: string, page: PageArgs): Promise<AuditEventPage> {
  const size = pageSize(page.first, AUDIT_PAGE_DEFAULT);
  const after = page.after ? decodeSeqCursor(page.after) : null;
  const caseId = uuidOrNull(caseIdArg, 'caseId');
  const actions = [...CASE_ACCESS_ACTIONS];
  const rows = await db.$queryRaw<AuditEventRecord[]>`
    SELECT ${EVENT_COLUMNS}
      FROM "audit"."AuditEvent" e
     WHERE e."caseId" = ${caseId}::uuid
       AND e."caseOrganisationId" = ${coordinatorOrganisationId}::uuid
       AND e."action" = ANY(${actions}::text[])
       AND (${after}::bigint IS NULL OR e."seq" < ${after}::bigint)
     ORDER BY e."seq" DESC
     LIMIT ${size + 1}`;
  return toSeqPage(rows, size);
}

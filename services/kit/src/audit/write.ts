import type { AuditEventInput } from './event';
export type { AuditActorKind, AuditEventInput } from './event';

/** Any Prisma client or interactive transaction (tagged-template $executeRaw). */
export interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/** The most events one call writes: one statement with one JSON parameter, kept to a sane size. */
export const MAX_AUDIT_EVENTS_PER_WRITE = 1000;

/**
 * Appends `events` to the audit log in one INSERT, in the given order.
 *
 * Call it with the transaction of the change the events record (`tx` of `db.$transaction(async (tx) => …)`), so
 * the change and its record commit or vanish together — and ideally as the transaction's LAST statement: the
 * chain trigger takes one database-wide lock that every audit writer shares and holds it until commit, so
 * anything after it in the transaction makes every other writer wait. Only READ COMMITTED transactions (Haven's
 * default): under REPEATABLE READ or SERIALIZABLE a writer whose snapshot predates another's event fails on
 * the primary key.
 *
 * No RETURNING: the service roles may INSERT but not SELECT (only identity reads the log). Events are passed as
 * one JSON array and unpacked with json_populate_recordset, whose keys are the column names; seq, id, at,
 * prevHash and hash are left to the trigger.
 */
export async function writeAuditEvents(tx: RawExecutor, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  if (events.length > MAX_AUDIT_EVENTS_PER_WRITE) {
    throw new Error(`writeAuditEvents: at most ${MAX_AUDIT_EVENTS_PER_WRITE} events per call (got ${events.length})`);
  }
  const rows = JSON.stringify(events.map(toRow));
  await tx.$executeRaw`
    INSERT INTO "audit"."AuditEvent" (
      "action", "part", "requestId", "actorKind", "actorUserId", "actorOrganisationId", "actorRole",
      "onBehalfOfOrganisationId", "caseId", "caseOrganisationId", "referralId", "subjectId", "categories", "purpose",
      "consentRecordId", "emergencyGrantId", "emergencyReason"
    )
    SELECT e."action", e."part", e."requestId", e."actorKind", e."actorUserId", e."actorOrganisationId", e."actorRole",
           e."onBehalfOfOrganisationId", e."caseId", e."caseOrganisationId", e."referralId", e."subjectId", e."categories", e."purpose",
           e."consentRecordId", e."emergencyGrantId", e."emergencyReason"
      FROM json_populate_recordset(NULL::"audit"."AuditEvent", ${rows}::json) WITH ORDINALITY AS e
     ORDER BY e.ordinality`;
}

/** Every column given (null when absent), so a missing optional field is stored as null, not left to a default. */
function toRow(event: AuditEventInput) {
  return {
    action: event.action,
    part: event.part,
    requestId: event.requestId,
    actorKind: event.actorKind,
    actorUserId: event.actorUserId,
    actorOrganisationId: event.actorOrganisationId,
    actorRole: event.actorRole,
    onBehalfOfOrganisationId: event.onBehalfOfOrganisationId ?? null,
    caseId: event.caseId ?? null,
    caseOrganisationId: event.caseOrganisationId ?? null,
    referralId: event.referralId ?? null,
    subjectId: event.subjectId ?? null,
    categories: event.categories ?? [],
    purpose: event.purpose ?? null,
    consentRecordId: event.consentRecordId ?? null,
    emergencyGrantId: event.emergencyGrantId ?? null,
    emergencyReason: event.emergencyReason ?? null,
  };
}

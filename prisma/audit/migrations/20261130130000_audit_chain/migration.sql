-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGINT NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMPTZ(3) NOT NULL,
    "action" TEXT NOT NULL,
    "part" TEXT NOT NULL,
    "requestId" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorUserId" UUID,
    "actorOrganisationId" UUID,
    "actorRole" TEXT,
    "onBehalfOfOrganisationId" UUID,
    "caseId" UUID,
    "caseOrganisationId" UUID,
    "referralId" UUID,
    "subjectId" UUID,
    "categories" TEXT[],
    "purpose" TEXT,
    "consentRecordId" UUID,
    "emergencyGrantId" UUID,
    "emergencyReason" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_id_key" ON "AuditEvent"("id");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_caseId_seq_idx" ON "AuditEvent"("caseId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_seq_idx" ON "AuditEvent"("actorUserId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_actorOrganisationId_seq_idx" ON "AuditEvent"("actorOrganisationId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");


-- By hand: the hash chain (docs/security.md "Audit"). Triggers and functions are outside Prisma's model and the
-- drift check (services/kit/src/db/schema-drift.ts) does not compare them. Every function pins search_path and
-- qualifies what it names, so no role's search_path can redirect it.

-- The prevHash of seq 1.
CREATE FUNCTION "audit"."genesis_hash"() RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT repeat('0', 64) $$;

-- THE definition of a row's hash, used by the trigger when the row is written and by verification
-- (services/kit/src/audit/verify.ts) when it is checked: sha256 over prevHash, '|', and the row's canonical text.
-- Canonical text: a jsonb object of every field but hash and prevHash, nulls left out (so a nullable column added
-- later does not change the hash of older rows), printed by jsonb's own deterministic output (keys in a fixed
-- order), the time as UTC ISO-8601 with milliseconds (independent of the session's TimeZone). Built-in sha256()
-- (PostgreSQL 11+), no pgcrypto.
CREATE FUNCTION "audit"."event_digest"(e "audit"."AuditEvent") RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
SELECT encode(sha256(convert_to(e."prevHash" || '|' || jsonb_strip_nulls(jsonb_build_object(
    'seq', e."seq",
    'id', e."id"::text,
    'at', to_char(e."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'action', e."action",
    'part', e."part",
    'requestId', e."requestId",
    'actorKind', e."actorKind",
    'actorUserId', e."actorUserId"::text,
    'actorOrganisationId', e."actorOrganisationId"::text,
    'actorRole', e."actorRole",
    'onBehalfOfOrganisationId', e."onBehalfOfOrganisationId"::text,
    'caseId', e."caseId"::text,
    'caseOrganisationId', e."caseOrganisationId"::text,
    'referralId', e."referralId"::text,
    'subjectId', e."subjectId"::text,
    'categories', to_jsonb(e."categories"),
    'purpose', e."purpose",
    'consentRecordId', e."consentRecordId"::text,
    'emergencyGrantId', e."emergencyGrantId"::text,
    'emergencyReason', e."emergencyReason"
))::text, 'UTF8')), 'hex')
$$;

-- Links each new row to the last one. SECURITY DEFINER (runs as the owner): the service roles may only INSERT,
-- yet the trigger must read the last row. The transaction-scoped advisory lock serialises writers from the
-- moment of their insert until they commit or roll back, so seq has no gaps (a rolled-back insert frees its
-- number) and two writers never chain onto the same row. Whatever the writer put in seq, at, prevHash or hash
-- is overwritten. Under READ COMMITTED (every Haven transaction) the SELECT after the lock sees the previous
-- holder's committed row; a REPEATABLE READ/SERIALIZABLE writer whose snapshot predates it fails on the
-- primary key (23505) instead of forking the chain.
CREATE FUNCTION "audit"."chain_event"() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    last_seq bigint;
    last_hash text;
BEGIN
    -- (7513, 1): the two-key form, apart from the one-key hashtext() locks used elsewhere in Haven.
    PERFORM pg_advisory_xact_lock(7513, 1);
    SELECT e."seq", e."hash" INTO last_seq, last_hash FROM "audit"."AuditEvent" e ORDER BY e."seq" DESC LIMIT 1;
    NEW."seq" := coalesce(last_seq, 0) + 1;
    NEW."prevHash" := coalesce(last_hash, "audit"."genesis_hash"());
    -- Taken after the lock, so time follows seq; truncated to the column's precision so the hash covers what is stored.
    NEW."at" := date_trunc('milliseconds', clock_timestamp());
    NEW."id" := coalesce(NEW."id", gen_random_uuid());
    NEW."hash" := "audit"."event_digest"(NEW);
    RETURN NEW;
END
$$;

CREATE TRIGGER "AuditEvent_chain"
    BEFORE INSERT ON "audit"."AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit"."chain_event"();

-- Append-only, also for the owner by mistake: changing or removing history must be a deliberate act (disabling
-- this trigger), and even then verification finds it. The app roles have no UPDATE/DELETE/TRUNCATE grants anyway.
CREATE FUNCTION "audit"."refuse_change"() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege', TABLE = 'AuditEvent';
END
$$;

CREATE TRIGGER "AuditEvent_append_only"
    BEFORE UPDATE OR DELETE ON "audit"."AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
    BEFORE TRUNCATE ON "audit"."AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();

-- Functions are executable by PUBLIC by default; nobody needs that (app-roles grants identity what verification uses).
REVOKE ALL ON FUNCTION "audit"."genesis_hash"(), "audit"."event_digest"("audit"."AuditEvent"), "audit"."chain_event"(), "audit"."refuse_change"() FROM PUBLIC;

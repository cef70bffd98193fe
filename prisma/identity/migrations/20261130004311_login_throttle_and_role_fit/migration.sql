-- Security review fixes M1 (login lockout revealed which accounts exist) and H2 (roles must fit the kind of
-- organisation). The first two statements are Prisma's (npm run db:sql); the rest is written by hand.

-- M1 · CreateTable
CREATE TABLE "LoginThrottle" (
    "emailHash" TEXT NOT NULL,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("emailHash")
);

-- M1 · by hand: failures counted and locks in force before this migration survive it. User.email is stored
-- normalised already (trimmed, lower-cased), so its SHA-256 is the key login computes.
INSERT INTO "LoginThrottle" ("emailHash", "failedCount", "lockedUntil", "updatedAt")
SELECT encode(sha256(convert_to("email", 'UTF8')), 'hex'), "failedLoginCount", "lockedUntil", CURRENT_TIMESTAMP
  FROM "User"
 WHERE "failedLoginCount" > 0 OR "lockedUntil" IS NOT NULL;

-- M1 · AlterTable
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil";

-- H2 · by hand: a membership's role must fit its organisation's kind. The same mapping as
-- ROLES_BY_ORGANISATION_KIND in services/kit/src/taxonomy.ts; a test checks every (kind, role) pair against it.
--
-- Why triggers and not a CHECK over a composite foreign key (Membership.organisationKind → Organisation(id, kind)):
-- that design copies the kind into every membership, makes it a required field of Prisma's Membership model
-- (every writer must supply it, also outside this service's code), adds a unique (id, kind) to Organisation, and
-- its CHECK is a constraint the drift check (services/kit/src/db/schema-drift.ts compares constraints with
-- schema.prisma, which cannot express CHECK) would report. Two triggers keep the model as it is and guard both
-- sides: a membership whose role misfits its organisation, and an organisation whose kind changes under
-- memberships that would then misfit. Concurrency: the membership trigger locks the organisation row FOR SHARE,
-- so a concurrent change of kind waits for it and then sees the new membership (and the other way round, the
-- membership trigger waits for the kind change and reads the new kind). Both functions pin search_path to the
-- schema they were created in, so they never resolve a table through a caller's search_path.
CREATE FUNCTION "role_fits_organisation_kind"("role" "Role", "kind" "OrganisationKind") RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path FROM CURRENT
    AS $$
        SELECT CASE "kind"
            WHEN 'COORDINATING' THEN "role" IN ('COORDINATOR', 'NETWORK_ADMIN', 'AUDITOR')
            WHEN 'PARTNER' THEN "role" IN ('PARTNER_STAFF', 'PARTNER_ADMIN')
            ELSE false
        END
    $$;

CREATE FUNCTION "membership_role_fits_organisation"() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
    AS $$
DECLARE
    organisation_kind "OrganisationKind";
BEGIN
    SELECT "kind" INTO organisation_kind FROM "Organisation" WHERE "id" = NEW."organisationId" FOR SHARE;
    -- An unknown organisation is the foreign key's to refuse.
    IF FOUND AND NOT "role_fits_organisation_kind"(NEW."role", organisation_kind) THEN
        RAISE EXCEPTION 'role % does not fit an organisation of kind %', NEW."role", organisation_kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Membership_role_fits_organisation_kind', TABLE = 'Membership';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "Membership_role_fits_organisation_kind"
    BEFORE INSERT OR UPDATE OF "role", "organisationId" ON "Membership"
    FOR EACH ROW EXECUTE FUNCTION "membership_role_fits_organisation"();

CREATE FUNCTION "organisation_kind_fits_memberships"() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
    AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM "Membership"
         WHERE "organisationId" = NEW."id" AND NOT "role_fits_organisation_kind"("role", NEW."kind")
    ) THEN
        RAISE EXCEPTION 'organisation kind % does not fit the roles of its memberships', NEW."kind"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Organisation_kind_fits_memberships', TABLE = 'Organisation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "Organisation_kind_fits_memberships"
    BEFORE UPDATE OF "kind" ON "Organisation"
    FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind")
    EXECUTE FUNCTION "organisation_kind_fits_memberships"();

-- Like a CHECK added to a table, the rule holds for the rows already there: a misfit membership stops the
-- migration (delete it or correct its role, then migrate again) instead of living on unseen.
DO $$
DECLARE
    misfits integer;
BEGIN
    SELECT count(*) INTO misfits
      FROM "Membership" m JOIN "Organisation" o ON o."id" = m."organisationId"
     WHERE NOT "role_fits_organisation_kind"(m."role", o."kind");
    IF misfits > 0 THEN
        RAISE EXCEPTION '% membership(s) hold a role that does not fit their organisation''s kind', misfits
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

-- Capacity per service, slot holds per referral, and capacity history (issue 3). Everything down to the
-- foreign keys is Prisma's (npm run db:sql); the trigger at the end is written by hand.

-- CreateEnum
CREATE TYPE "CapacityChangeKind" AS ENUM ('UPDATE', 'HOLD', 'RELEASE');

-- CreateTable
CREATE TABLE "Capacity" (
    "serviceId" UUID NOT NULL,
    "totalSlots" INTEGER NOT NULL DEFAULT 0,
    "heldSlots" INTEGER NOT NULL DEFAULT 0,
    "waitlistLength" INTEGER NOT NULL DEFAULT 0,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "confirmedAt" TIMESTAMPTZ(3),
    "confirmedByUserId" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedByUserId" UUID,

    CONSTRAINT "Capacity_pkey" PRIMARY KEY ("serviceId")
);

-- CreateTable
CREATE TABLE "CapacityHold" (
    "referralId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heldByUserId" UUID NOT NULL,
    "heldByPart" TEXT NOT NULL,
    "releasedAt" TIMESTAMPTZ(3),
    "releasedByUserId" UUID,

    CONSTRAINT "CapacityHold_pkey" PRIMARY KEY ("referralId")
);

-- CreateTable
CREATE TABLE "CapacityChange" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "kind" "CapacityChangeKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" UUID NOT NULL,
    "byPart" TEXT NOT NULL,
    "referralId" UUID,
    "totalBefore" INTEGER,
    "totalAfter" INTEGER NOT NULL,
    "heldBefore" INTEGER,
    "heldAfter" INTEGER NOT NULL,
    "pausedBefore" BOOLEAN,
    "pausedAfter" BOOLEAN NOT NULL,
    "waitlistBefore" INTEGER,
    "waitlistAfter" INTEGER NOT NULL,

    CONSTRAINT "CapacityChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CapacityHold_serviceId_releasedAt_idx" ON "CapacityHold"("serviceId", "releasedAt");

-- CreateIndex
CREATE INDEX "CapacityChange_serviceId_at_idx" ON "CapacityChange"("serviceId", "at");

-- AddForeignKey
ALTER TABLE "Capacity" ADD CONSTRAINT "Capacity_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityHold" ADD CONSTRAINT "CapacityHold_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Capacity"("serviceId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityChange" ADD CONSTRAINT "CapacityChange_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Capacity"("serviceId") ON DELETE CASCADE ON UPDATE CASCADE;


-- By hand: the bounds of a capacity row, as a database backstop. The code keeps them with conditional UPDATEs
-- ("heldSlots" + 1 only WHERE "heldSlots" < "totalSlots"; lowering "totalSlots" only when it stays >= "heldSlots"
-- under a row lock); this refuses any write that would break them anyway (a bug, a hand-made change).
--
-- Why a trigger and not CHECK constraints: schema.prisma cannot express CHECK, and the drift check
-- (services/kit/src/db/schema-drift.ts) compares constraints with what schema.prisma derives, so a CHECK would
-- be reported as drift; a trigger is not part of that comparison (the same choice as identity's role-fit
-- triggers). The function pins search_path to the schema it was created in.
CREATE FUNCTION "capacity_within_bounds"() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
    AS $$
BEGIN
    IF NEW."totalSlots" < 0 OR NEW."heldSlots" < 0 OR NEW."waitlistLength" < 0 OR NEW."heldSlots" > NEW."totalSlots" THEN
        RAISE EXCEPTION 'capacity out of bounds (total %, held %, waitlist %)', NEW."totalSlots", NEW."heldSlots", NEW."waitlistLength"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'Capacity_within_bounds', TABLE = 'Capacity';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER "Capacity_within_bounds"
    BEFORE INSERT OR UPDATE ON "Capacity"
    FOR EACH ROW EXECUTE FUNCTION "capacity_within_bounds"();

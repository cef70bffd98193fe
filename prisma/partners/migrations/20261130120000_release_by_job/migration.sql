-- A hold can be released by the cases service's reconciliation job, acting for no user, and held through an
-- integration token (no user either) — issues 4 and 5. Prisma's output (npm run db:sql).

-- AlterTable
ALTER TABLE "CapacityHold" ALTER COLUMN "heldByUserId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "CapacityChange" ALTER COLUMN "byUserId" DROP NOT NULL;


-- A hold can be released by the cases service's reconciliation job, acting for no user (issue 4).
-- Prisma's output (npm run db:sql).

-- AlterTable
ALTER TABLE "CapacityChange" ALTER COLUMN "byUserId" DROP NOT NULL;


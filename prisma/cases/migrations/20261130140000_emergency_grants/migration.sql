-- Issue 5: emergency access (break glass) grants; a message may be written by an integration token (no user).
-- Prisma's output (npm run db:sql). Grants: EmergencyGrant is append-only (services/kit/src/db/grants.ts).

-- AlterTable
ALTER TABLE "Message" ALTER COLUMN "authorUserId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EmergencyGrant" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "category" "VaultCategory" NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedByUserId" UUID NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EmergencyGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmergencyGrant_caseId_organisationId_expiresAt_idx" ON "EmergencyGrant"("caseId", "organisationId", "expiresAt");

-- AddForeignKey
ALTER TABLE "EmergencyGrant" ADD CONSTRAINT "EmergencyGrant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Response records (issue 3, Matching): one row per answered or expired referral, reported by the cases service.
-- Prisma's output (npm run db:sql). Append-only by grant (SELECT, INSERT), see services/kit/src/db/grants.ts.

-- CreateEnum
CREATE TYPE "ReferralResponseOutcome" AS ENUM ('ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateTable
CREATE TABLE "ReferralResponse" (
    "referralId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "outcome" "ReferralResponseOutcome" NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedByPart" TEXT NOT NULL,

    CONSTRAINT "ReferralResponse_pkey" PRIMARY KEY ("referralId")
);

-- CreateIndex
CREATE INDEX "ReferralResponse_organisationId_respondedAt_idx" ON "ReferralResponse"("organisationId", "respondedAt");


-- Issue 4: case facts, the encrypted personal-data vault, referrals with their state machine, the timeline,
-- message threads, read markers and idempotency records. Prisma's output (npm run db:sql).

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY');

-- CreateEnum
CREATE TYPE "ExploitationType" AS ENUM ('SEXUAL', 'LABOUR', 'CRIMINAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Province" AS ENUM ('GRONINGEN', 'FRIESLAND', 'DRENTHE', 'OVERIJSSEL', 'FLEVOLAND', 'GELDERLAND', 'UTRECHT', 'NOORD_HOLLAND', 'ZUID_HOLLAND', 'ZEELAND', 'NOORD_BRABANT', 'LIMBURG');

-- CreateEnum
CREATE TYPE "AgeGroup" AS ENUM ('UNDER_16', 'AGE_16_17', 'AGE_18_23', 'AGE_24_PLUS');

-- CreateEnum
CREATE TYPE "VaultCategory" AS ENUM ('IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES');

-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('SENT', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED', 'IN_CARE', 'CANCELLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DeclineReason" AS ENUM ('NO_CAPACITY', 'NOT_ELIGIBLE', 'CLIENT_NOT_REACHABLE', 'SAFETY_CONCERN', 'OTHER');

-- CreateEnum
CREATE TYPE "ReferralOutcome" AS ENUM ('COMPLETED', 'CLIENT_LEFT', 'TRANSFERRED', 'REFERRED_ELSEWHERE', 'OTHER');

-- CreateEnum
CREATE TYPE "TimelineEventKind" AS ENUM ('CASE_OPENED', 'CASE_HANDED_OVER', 'CASE_CLOSED', 'REFERRAL_SENT', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_WITHDRAWN', 'REFERRAL_EXPIRED', 'REFERRAL_ESCALATED', 'REFERRAL_IN_CARE', 'REFERRAL_CANCELLED', 'REFERRAL_CLOSED');

-- CreateEnum
CREATE TYPE "ThreadSide" AS ENUM ('COORDINATOR', 'PARTNER');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "age" INTEGER,
ADD COLUMN     "ageGroup" "AgeGroup",
ADD COLUMN     "closedByUserId" UUID,
ADD COLUMN     "exploitationType" "ExploitationType",
ADD COLUMN     "gender" "Gender",
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "place" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "province" "Province";

-- CreateTable
CREATE TABLE "VaultField" (
    "caseId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "category" "VaultCategory" NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealed" BYTEA NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedByUserId" UUID NOT NULL,

    CONSTRAINT "VaultField_pkey" PRIMARY KEY ("caseId","field")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "need" "ServiceType" NOT NULL,
    "organisationId" UUID NOT NULL,
    "coordinatingOrganisationId" UUID NOT NULL,
    "state" "ReferralState" NOT NULL DEFAULT 'SENT',
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentByUserId" UUID NOT NULL,
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "intakeAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "declineReason" "DeclineReason",
    "outcome" "ReferralOutcome",
    "reasonText" TEXT NOT NULL DEFAULT '',
    "responseReportedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "referralId" UUID,
    "kind" "TimelineEventKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "actorOrganisationId" UUID,
    "subjectUserId" UUID,
    "fromState" "ReferralState",
    "toState" "ReferralState",
    "reasonCode" TEXT,
    "reasonText" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "TimelineEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "side" "ThreadSide" NOT NULL,
    "authorUserId" UUID NOT NULL,
    "authorOrganisationId" UUID NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealed" BYTEA NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageRead" (
    "referralId" UUID NOT NULL,
    "side" "ThreadSide" NOT NULL,
    "lastReadAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageRead_pkey" PRIMARY KEY ("referralId","side")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "callerSubject" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "resultId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("callerSubject","key")
);

-- CreateIndex
CREATE INDEX "Referral_caseId_idx" ON "Referral"("caseId");

-- CreateIndex
CREATE INDEX "Referral_coordinatingOrganisationId_state_deadlineAt_idx" ON "Referral"("coordinatingOrganisationId", "state", "deadlineAt");

-- CreateIndex
CREATE INDEX "Referral_organisationId_state_deadlineAt_idx" ON "Referral"("organisationId", "state", "deadlineAt");

-- CreateIndex
CREATE INDEX "Referral_state_deadlineAt_idx" ON "Referral"("state", "deadlineAt");

-- CreateIndex
CREATE INDEX "TimelineEvent_caseId_at_idx" ON "TimelineEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "TimelineEvent_referralId_at_idx" ON "TimelineEvent"("referralId", "at");

-- CreateIndex
CREATE INDEX "Message_referralId_sentAt_idx" ON "Message"("referralId", "sentAt");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- AddForeignKey
ALTER TABLE "VaultField" ADD CONSTRAINT "VaultField_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEvent" ADD CONSTRAINT "TimelineEvent_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageRead" ADD CONSTRAINT "MessageRead_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "consent";

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT_CLIENT', 'CONSENT_GUARDIAN', 'VITAL_INTEREST', 'STATUTORY');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('IDENTITY', 'CONTACT', 'HEALTH', 'CASE_NOTES');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('REFERRAL_CARE', 'STATISTICS');

-- CreateEnum
CREATE TYPE "GivenBy" AS ENUM ('CLIENT', 'GUARDIAN');

-- CreateEnum
CREATE TYPE "GivenHow" AS ENUM ('VERBAL', 'WRITTEN', 'DIGITAL');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('ACTIVE', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "caseId" UUID NOT NULL,
    "status" "ConsentStatus" NOT NULL DEFAULT 'ACTIVE',
    "legalBasis" "LegalBasis" NOT NULL,
    "justification" TEXT,
    "categories" "DataCategory"[],
    "wholeNetwork" BOOLEAN NOT NULL DEFAULT false,
    "recipientOrganisationIds" UUID[],
    "purposes" "Purpose"[],
    "givenBy" "GivenBy" NOT NULL,
    "givenHow" "GivenHow" NOT NULL,
    "recordedByUserId" UUID NOT NULL,
    "recordedByOrganisationId" UUID NOT NULL,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsentRecord_caseId_idx" ON "ConsentRecord"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentRecord_recordId_version_key" ON "ConsentRecord"("recordId", "version");


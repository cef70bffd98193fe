-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "cases";

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('IMMEDIATE', 'URGENT', 'STANDARD');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('SHELTER', 'CRISIS_ACCOMMODATION', 'MEDICAL_CARE', 'MENTAL_HEALTH', 'LEGAL_AID', 'YOUTH_CARE', 'ADDICTION_CARE', 'EDUCATION_WORK', 'FINANCIAL_AID', 'HOUSING', 'INTERPRETATION');

-- CreateTable
CREATE TABLE "Case" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "needs" "ServiceType"[],
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "coordinatingOrganisationId" UUID NOT NULL,
    "coordinatorUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Case_reference_key" ON "Case"("reference");

-- CreateIndex
CREATE INDEX "Case_coordinatingOrganisationId_status_idx" ON "Case"("coordinatingOrganisationId", "status");


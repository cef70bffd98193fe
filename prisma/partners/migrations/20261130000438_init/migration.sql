-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "partners";

-- CreateEnum
CREATE TYPE "ServiceType" AS ENUM ('SHELTER', 'CRISIS_ACCOMMODATION', 'MEDICAL_CARE', 'MENTAL_HEALTH', 'LEGAL_AID', 'YOUTH_CARE', 'ADDICTION_CARE', 'EDUCATION_WORK', 'FINANCIAL_AID', 'HOUSING', 'INTERPRETATION');

-- CreateEnum
CREATE TYPE "Province" AS ENUM ('GRONINGEN', 'FRIESLAND', 'DRENTHE', 'OVERIJSSEL', 'FLEVOLAND', 'GELDERLAND', 'UTRECHT', 'NOORD_HOLLAND', 'ZUID_HOLLAND', 'ZEELAND', 'NOORD_BRABANT', 'LIMBURG');

-- CreateTable
CREATE TABLE "OrganisationProfile" (
    "organisationId" UUID NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "province" "Province" NOT NULL,
    "city" TEXT NOT NULL,
    "acceptingReferrals" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedByUserId" UUID,

    CONSTRAINT "OrganisationProfile_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "type" "ServiceType" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "province" "Province" NOT NULL,
    "minAge" INTEGER,
    "maxAge" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedByUserId" UUID,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Service_organisationId_idx" ON "Service"("organisationId");

-- CreateIndex
CREATE INDEX "Service_type_province_idx" ON "Service"("type", "province");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "OrganisationProfile"("organisationId") ON DELETE CASCADE ON UPDATE CASCADE;


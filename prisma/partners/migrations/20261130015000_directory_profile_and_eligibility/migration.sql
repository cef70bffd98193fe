-- Directory profile (kind, regions, address with coordinates, intake contact and hours, languages) and service location and
-- eligibility (genders, languages, exploitation types, exclusions) — issue 3, Directory. Prisma's output (npm run db:sql):
-- every new column is nullable or has a default, so existing profiles and services migrate unchanged.

-- CreateEnum
CREATE TYPE "CareOrganisationKind" AS ENUM ('SHELTER', 'HEALTHCARE', 'MENTAL_HEALTH', 'LEGAL_AID', 'YOUTH_CARE', 'ADDICTION_CARE', 'MUNICIPALITY', 'SOCIAL_SERVICES', 'INTERPRETATION', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE', 'NON_BINARY');

-- CreateEnum
CREATE TYPE "ExploitationType" AS ENUM ('SEXUAL', 'LABOUR', 'CRIMINAL', 'OTHER');

-- AlterTable
ALTER TABLE "OrganisationProfile" ADD COLUMN     "careKind" "CareOrganisationKind" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "intakeEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "intakeHours" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "intakePhone" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "postalCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "regionsServed" "Province"[] DEFAULT ARRAY[]::"Province"[],
ADD COLUMN     "street" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "city" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "exclusions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "exploitationTypes" "ExploitationType"[] DEFAULT ARRAY[]::"ExploitationType"[],
ADD COLUMN     "genders" "Gender"[] DEFAULT ARRAY[]::"Gender"[],
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "postalCode" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "street" TEXT NOT NULL DEFAULT '';


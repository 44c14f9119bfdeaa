-- CreateEnum
CREATE TYPE "RectificationTargetKind" AS ENUM ('STREET', 'DEPARTMENT', 'STAFF', 'PROVIDER');

-- CreateEnum
CREATE TYPE "RectificationSource" AS ENUM ('CAMPAIGN_BALLOT', 'SERVICE_RATING');

-- AlterTable
ALTER TABLE "RectificationCase" ADD COLUMN     "appealDaysLeft" INTEGER,
ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "leadDepartmentId" TEXT,
ADD COLUMN     "providerId" TEXT,
ADD COLUMN     "ratedAt" TIMESTAMP(3),
ADD COLUMN     "rating" TEXT,
ADD COLUMN     "serviceItemId" TEXT,
ADD COLUMN     "servicePointId" TEXT,
ADD COLUMN     "serviceRequestId" TEXT,
ADD COLUMN     "source" "RectificationSource" NOT NULL DEFAULT 'CAMPAIGN_BALLOT',
ALTER COLUMN "campaignId" DROP NOT NULL,
-- Kept, not recreated: the cases of past campaigns keep their targets' kinds.
ALTER COLUMN "targetKind" TYPE "RectificationTargetKind" USING ("targetKind"::text::"RectificationTargetKind");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationCase_eventId_key" ON "RectificationCase"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationCase_serviceRequestId_key" ON "RectificationCase"("serviceRequestId");

-- CreateIndex
CREATE INDEX "RectificationCase_status_deadline_idx" ON "RectificationCase"("status", "deadline");

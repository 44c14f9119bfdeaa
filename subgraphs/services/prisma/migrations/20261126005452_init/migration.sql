-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ServiceTier" AS ENUM ('WELFARE', 'CONVENIENCE', 'SOCIALISED');

-- CreateEnum
CREATE TYPE "ChargingMode" AS ENUM ('FREE', 'LOW_COST', 'PAID');

-- CreateEnum
CREATE TYPE "WelfareGroup" AS ENUM ('ELDERLY', 'DISABLED', 'ENTITLED', 'LOW_INCOME', 'LIVING_ALONE');

-- CreateEnum
CREATE TYPE "ServiceProviderKind" AS ENUM ('ENTERPRISE', 'SOCIAL_ORGANISATION', 'PUBLIC_INSTITUTION', 'INDIVIDUAL_BUSINESS');

-- CreateEnum
CREATE TYPE "TenderStatus" AS ENUM ('OPEN', 'CLOSED', 'AWARDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TenderBidStatus" AS ENUM ('SUBMITTED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "ServicePointCommitmentStatus" AS ENUM ('PENDING', 'KEPT', 'BROKEN');

-- CreateEnum
CREATE TYPE "ServicePointNoticeKind" AS ENUM ('SERVICE_CONTENT', 'CHARGES', 'STAFF_ON_DUTY', 'SUPERVISION_CHANNEL', 'OTHER');

-- CreateEnum
CREATE TYPE "ServiceRequestStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ServiceRating" AS ENUM ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED');

-- CreateTable
CREATE TABLE "ServiceSeries" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "departmentId" TEXT,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ServiceSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceItem" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "seriesId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tier" "ServiceTier" NOT NULL,
    "welfareGroup" "WelfareGroup",
    "chargingMode" "ChargingMode" NOT NULL,
    "priceFen" INTEGER NOT NULL DEFAULT 0,
    "priceUnit" TEXT NOT NULL,
    "departmentId" TEXT,
    "keywords" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceProvider" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" "ServiceProviderKind" NOT NULL,
    "creditCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tender" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "communityId" TEXT,
    "streetId" TEXT,
    "title" TEXT NOT NULL,
    "requirements" TEXT NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "contractStart" DATE NOT NULL,
    "contractEnd" DATE NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "status" "TenderStatus" NOT NULL DEFAULT 'OPEN',
    "bidCount" INTEGER NOT NULL DEFAULT 0,
    "awardedBidId" TEXT,
    "awardedAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderBid" (
    "id" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "priceFen" INTEGER NOT NULL,
    "proposal" TEXT NOT NULL,
    "score" INTEGER,
    "evaluationNotes" TEXT,
    "status" "TenderBidStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedBy" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenderBid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePoint" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "tenderId" TEXT NOT NULL,
    "communityId" TEXT,
    "streetId" TEXT,
    "address" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "openingHours" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "contractStart" DATE NOT NULL,
    "contractEnd" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServicePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePointCommitment" (
    "id" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "measurableTarget" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "ServicePointCommitmentStatus" NOT NULL DEFAULT 'PENDING',
    "assessedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServicePointCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePointNotice" (
    "id" TEXT NOT NULL,
    "servicePointId" TEXT NOT NULL,
    "kind" "ServicePointNoticeKind" NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "ServicePointNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "residentId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "filedBy" TEXT NOT NULL,
    "filedByRole" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "status" "ServiceRequestStatus" NOT NULL DEFAULT 'SUBMITTED',
    "statusNotes" TEXT,
    "servicePointId" TEXT,
    "providerId" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "expectedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "rating" "ServiceRating",
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "status" "ServiceRequestStatus" NOT NULL,
    "note" TEXT,
    "actorRole" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceSeries_code_key" ON "ServiceSeries"("code");

-- CreateIndex
CREATE INDEX "ServiceSeries_departmentId_idx" ON "ServiceSeries"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceItem_code_key" ON "ServiceItem"("code");

-- CreateIndex
CREATE INDEX "ServiceItem_seriesId_idx" ON "ServiceItem"("seriesId");

-- CreateIndex
CREATE INDEX "ServiceItem_departmentId_idx" ON "ServiceItem"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceProvider_creditCode_key" ON "ServiceProvider"("creditCode");

-- CreateIndex
CREATE UNIQUE INDEX "Tender_code_key" ON "Tender"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Tender_awardedBidId_key" ON "Tender"("awardedBidId");

-- CreateIndex
CREATE INDEX "Tender_itemId_idx" ON "Tender"("itemId");

-- CreateIndex
CREATE INDEX "Tender_communityId_idx" ON "Tender"("communityId");

-- CreateIndex
CREATE INDEX "Tender_streetId_idx" ON "Tender"("streetId");

-- CreateIndex
CREATE INDEX "Tender_status_idx" ON "Tender"("status");

-- CreateIndex
CREATE INDEX "TenderBid_providerId_idx" ON "TenderBid"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "TenderBid_tenderId_providerId_key" ON "TenderBid"("tenderId", "providerId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePoint_code_key" ON "ServicePoint"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePoint_tenderId_key" ON "ServicePoint"("tenderId");

-- CreateIndex
CREATE INDEX "ServicePoint_itemId_idx" ON "ServicePoint"("itemId");

-- CreateIndex
CREATE INDEX "ServicePoint_providerId_idx" ON "ServicePoint"("providerId");

-- CreateIndex
CREATE INDEX "ServicePoint_communityId_idx" ON "ServicePoint"("communityId");

-- CreateIndex
CREATE INDEX "ServicePoint_streetId_idx" ON "ServicePoint"("streetId");

-- CreateIndex
CREATE INDEX "ServicePointCommitment_servicePointId_idx" ON "ServicePointCommitment"("servicePointId");

-- CreateIndex
CREATE INDEX "ServicePointNotice_servicePointId_publishedAt_idx" ON "ServicePointNotice"("servicePointId", "publishedAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_communityId_requestedAt_idx" ON "ServiceRequest"("communityId", "requestedAt");

-- CreateIndex
CREATE INDEX "ServiceRequest_residentId_idx" ON "ServiceRequest"("residentId");

-- CreateIndex
CREATE INDEX "ServiceRequest_providerId_idx" ON "ServiceRequest"("providerId");

-- CreateIndex
CREATE INDEX "ServiceRequest_servicePointId_idx" ON "ServiceRequest"("servicePointId");

-- CreateIndex
CREATE INDEX "ServiceRequest_itemId_idx" ON "ServiceRequest"("itemId");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_idx" ON "ServiceRequest"("status");

-- CreateIndex
CREATE INDEX "ServiceRequest_requestedAt_idx" ON "ServiceRequest"("requestedAt");

-- CreateIndex
CREATE INDEX "ServiceRequestEvent_requestId_at_idx" ON "ServiceRequestEvent"("requestId", "at");

-- AddForeignKey
ALTER TABLE "ServiceItem" ADD CONSTRAINT "ServiceItem_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "ServiceSeries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderBid" ADD CONSTRAINT "TenderBid_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderBid" ADD CONSTRAINT "TenderBid_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePoint" ADD CONSTRAINT "ServicePoint_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePoint" ADD CONSTRAINT "ServicePoint_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePoint" ADD CONSTRAINT "ServicePoint_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePointCommitment" ADD CONSTRAINT "ServicePointCommitment_servicePointId_fkey" FOREIGN KEY ("servicePointId") REFERENCES "ServicePoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePointNotice" ADD CONSTRAINT "ServicePointNotice_servicePointId_fkey" FOREIGN KEY ("servicePointId") REFERENCES "ServicePoint"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_servicePointId_fkey" FOREIGN KEY ("servicePointId") REFERENCES "ServicePoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "ServiceProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequestEvent" ADD CONSTRAINT "ServiceRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "TargetKind" AS ENUM ('STREET', 'DEPARTMENT', 'STAFF');

-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('AWAITING_PLAN', 'PLAN_SUBMITTED', 'APPEALED', 'VERIFIED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "AppealDecision" AS ENUM ('UPHELD', 'REJECTED');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "scopeCommunityIds" TEXT[],
    "minBallots" INTEGER NOT NULL DEFAULT 5,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "observerIds" TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "campaignId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weightHundredths" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("campaignId","key")
);

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "kind" "TargetKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "eligibleVoters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("campaignId","targetId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "levels" INTEGER[],
    "comment" TEXT,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CastRequest" (
    "keyHash" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "replaced" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CastRequest_pkey" PRIMARY KEY ("keyHash")
);

-- CreateTable
CREATE TABLE "RectificationCase" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetKind" "TargetKind" NOT NULL,
    "badReviews" INTEGER NOT NULL,
    "comments" TEXT[],
    "affectedCommunityIds" TEXT[],
    "openedOn" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'AWAITING_PLAN',
    "plan" TEXT,
    "planSubmittedAt" TIMESTAMP(3),
    "revisionNote" TEXT,
    "appealReason" TEXT,
    "appealedAt" TIMESTAMP(3),
    "statusBeforeAppeal" "RectificationStatus",
    "appealDecision" "AppealDecision",
    "appealDecisionNote" TEXT,
    "appealDecidedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationVerification" (
    "caseId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "note" TEXT,
    "verifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationVerification_pkey" PRIMARY KEY ("caseId","communityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_voterKey_key" ON "Ballot"("voterKey");

-- CreateIndex
CREATE INDEX "Ballot_campaignId_targetId_idx" ON "Ballot"("campaignId", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationCase_campaignId_targetId_key" ON "RectificationCase"("campaignId", "targetId");

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationCase" ADD CONSTRAINT "RectificationCase_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationVerification" ADD CONSTRAINT "RectificationVerification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RectificationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "CommitmentVerdict" AS ENUM ('KEPT', 'BROKEN');

-- AlterTable
-- Commitments are now assessed by the communities they are made to. A verdict an owner gave itself
-- is no assessment: existing commitments go back to PENDING, and are recorded as proposed by the
-- district (the only role known to have published for every owner).
ALTER TABLE "Commitment" DROP COLUMN "outcome",
ADD COLUMN     "proposedByRole" TEXT NOT NULL DEFAULT 'DISTRICT_ADMIN';
ALTER TABLE "Commitment" ALTER COLUMN "proposedByRole" DROP DEFAULT;
UPDATE "Commitment" SET "status" = 'PENDING', "resolvedAt" = NULL;

-- CreateTable
CREATE TABLE "CommitmentCommunity" (
    "commitmentId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,

    CONSTRAINT "CommitmentCommunity_pkey" PRIMARY KEY ("commitmentId","communityId")
);

-- CreateTable
CREATE TABLE "CommitmentAssessment" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "verdict" "CommitmentVerdict" NOT NULL,
    "evidence" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitmentAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommitmentCommunity_communityId_idx" ON "CommitmentCommunity"("communityId");

-- CreateIndex
CREATE INDEX "CommitmentAssessment_communityId_idx" ON "CommitmentAssessment"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentAssessment_commitmentId_communityId_key" ON "CommitmentAssessment"("commitmentId", "communityId");

-- AddForeignKey
ALTER TABLE "CommitmentCommunity" ADD CONSTRAINT "CommitmentCommunity_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentAssessment" ADD CONSTRAINT "CommitmentAssessment_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

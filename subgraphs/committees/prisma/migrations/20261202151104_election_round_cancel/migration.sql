-- AlterEnum
ALTER TYPE "ElectionStage" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "ElectionRound" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3);

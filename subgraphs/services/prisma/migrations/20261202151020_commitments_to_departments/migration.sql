-- DropForeignKey
ALTER TABLE "ServicePointCommitment" DROP CONSTRAINT "ServicePointCommitment_servicePointId_fkey";

-- DropTable
DROP TABLE "ServicePointCommitment";

-- DropEnum
DROP TYPE "ServicePointCommitmentStatus";

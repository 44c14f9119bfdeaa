-- AlterTable
ALTER TABLE "LiveTally" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

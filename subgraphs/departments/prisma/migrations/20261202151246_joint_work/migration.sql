-- CreateEnum
CREATE TYPE "TaskPart" AS ENUM ('PROPOSER', 'COMMUNITY');

-- AlterTable
ALTER TABLE "DelegatedTask" ADD COLUMN     "communityCompletedAt" TIMESTAMP(3),
ADD COLUMN     "communityStartedAt" TIMESTAMP(3),
ADD COLUMN     "proposerCompletedAt" TIMESTAMP(3),
ADD COLUMN     "proposerStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DelegatedTaskStep" ADD COLUMN     "part" "TaskPart";

-- Before the work was joint, one START and one COMPLETE (the proposer's) stood for the whole task.
UPDATE "DelegatedTask" SET "proposerStartedAt" = "startedAt", "communityStartedAt" = "startedAt" WHERE "startedAt" IS NOT NULL;
UPDATE "DelegatedTask" SET "proposerCompletedAt" = "completedAt", "communityCompletedAt" = "completedAt" WHERE "completedAt" IS NOT NULL;
UPDATE "DelegatedTaskStep" SET "part" = 'PROPOSER' WHERE "action" IN ('START', 'COMPLETE');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('STREET', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "DelegatedTaskStatus" AS ENUM ('PROPOSED', 'NEGOTIATING', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'SETTLED');

-- CreateEnum
CREATE TYPE "DelegatedTaskAction" AS ENUM ('PROPOSE', 'COUNTER_PROPOSE', 'REVISE_OFFER', 'ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'SETTLE');

-- CreateEnum
CREATE TYPE "RelationshipKind" AS ENUM ('GUIDANCE', 'SUPERVISION');

-- CreateEnum
CREATE TYPE "CommitmentOwnerType" AS ENUM ('DEPARTMENT', 'STREET', 'SERVICE_POINT');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('PENDING', 'KEPT', 'BROKEN');

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "streetId" TEXT,
    "departmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAssignment" (
    "staffId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAssignment_pkey" PRIMARY KEY ("staffId","communityId")
);

-- CreateTable
CREATE TABLE "DelegatedTask" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "proposerType" "UnitType" NOT NULL,
    "proposerId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "counterBudgetFen" INTEGER,
    "agreedBudgetFen" INTEGER,
    "status" "DelegatedTaskStatus" NOT NULL DEFAULT 'PROPOSED',
    "declineReason" TEXT,
    "dueDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "transferEventId" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "settledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DelegatedTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelegatedTaskStep" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "action" "DelegatedTaskAction" NOT NULL,
    "status" "DelegatedTaskStatus" NOT NULL,
    "budgetFen" INTEGER,
    "note" TEXT,
    "actorRole" TEXT NOT NULL,
    "actorUnitId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DelegatedTaskStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Relationship" (
    "id" TEXT NOT NULL,
    "kind" "RelationshipKind" NOT NULL,
    "unitType" "UnitType" NOT NULL,
    "unitId" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "liaisonStaffId" TEXT,
    "since" DATE NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Relationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "ownerType" "CommitmentOwnerType" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'PENDING',
    "outcome" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "ownerType" "CommitmentOwnerType" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Staff_streetId_idx" ON "Staff"("streetId");

-- CreateIndex
CREATE INDEX "Staff_departmentId_idx" ON "Staff"("departmentId");

-- CreateIndex
CREATE INDEX "StaffAssignment_communityId_idx" ON "StaffAssignment"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "DelegatedTask_transferEventId_key" ON "DelegatedTask"("transferEventId");

-- CreateIndex
CREATE INDEX "DelegatedTask_communityId_idx" ON "DelegatedTask"("communityId");

-- CreateIndex
CREATE INDEX "DelegatedTask_proposerId_idx" ON "DelegatedTask"("proposerId");

-- CreateIndex
CREATE INDEX "DelegatedTask_status_idx" ON "DelegatedTask"("status");

-- CreateIndex
CREATE INDEX "DelegatedTask_proposedAt_idx" ON "DelegatedTask"("proposedAt");

-- CreateIndex
CREATE INDEX "DelegatedTaskStep_taskId_at_idx" ON "DelegatedTaskStep"("taskId", "at");

-- CreateIndex
CREATE INDEX "OutboxEvent_deliveredAt_nextAttemptAt_idx" ON "OutboxEvent"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Relationship_unitId_idx" ON "Relationship"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Relationship_kind_communityId_unitId_subject_key" ON "Relationship"("kind", "communityId", "unitId", "subject");

-- CreateIndex
CREATE INDEX "Commitment_ownerId_status_idx" ON "Commitment"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Commitment_status_idx" ON "Commitment"("status");

-- CreateIndex
CREATE INDEX "Notice_ownerId_publishedAt_idx" ON "Notice"("ownerId", "publishedAt");

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_streetId_fkey" FOREIGN KEY ("streetId") REFERENCES "Street"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAssignment" ADD CONSTRAINT "StaffAssignment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelegatedTaskStep" ADD CONSTRAINT "DelegatedTaskStep_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "DelegatedTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

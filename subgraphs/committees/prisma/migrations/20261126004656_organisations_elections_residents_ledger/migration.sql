-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "Constituency" AS ENUM ('RESIDENTS', 'JURISDICTION_UNITS', 'PARTY_MEMBERS', 'SOCIAL_ORGANISATIONS');

-- CreateEnum
CREATE TYPE "CommitteePosition" AS ENUM ('DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER');

-- CreateEnum
CREATE TYPE "ElectionStage" AS ENUM ('APPLICATION', 'WRITTEN_EXAM', 'INTERVIEW', 'PRE_ELECTION', 'FORMAL_ELECTION', 'COMPLETED');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('IN_RACE', 'ELIMINATED', 'ELECTED', 'NOT_ELECTED');

-- CreateEnum
CREATE TYPE "VulnerableGroup" AS ENUM ('ELDERLY', 'DISABLED', 'ENTITLED', 'LOW_INCOME', 'LIVING_ALONE');

-- CreateEnum
CREATE TYPE "LedgerCategory" AS ENUM ('SPECIAL_FUND', 'TRANSFERRED_ASSET', 'DONATION', 'ASSET_INCOME', 'TASK_FUNDING', 'SPENDING', 'REVERSAL');

-- CreateTable
CREATE TABLE "Representative" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "constituency" "Constituency" NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "position" "CommitteePosition" NOT NULL,
    "roundId" TEXT,
    "candidateId" TEXT,
    "termStart" DATE NOT NULL,
    "termEnd" TIMESTAMP(3),

    CONSTRAINT "CommitteeMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionRound" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "stage" "ElectionStage" NOT NULL DEFAULT 'APPLICATION',
    "writtenPassMark" DOUBLE PRECISION NOT NULL DEFAULT 60,
    "interviewPassMark" DOUBLE PRECISION NOT NULL DEFAULT 60,
    "ballotsCast" INTEGER,
    "openFor" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ElectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionStageChange" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "stage" "ElectionStage" NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "movedBy" TEXT,

    CONSTRAINT "ElectionStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectionCandidate" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "residentId" TEXT,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "status" "CandidateStatus" NOT NULL DEFAULT 'IN_RACE',
    "eliminatedAt" "ElectionStage",
    "writtenScore" DOUBLE PRECISION,
    "interviewScore" DOUBLE PRECISION,
    "formal" BOOLEAN NOT NULL DEFAULT false,
    "votes" INTEGER,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ElectionCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationMember" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "constituency" "Constituency" NOT NULL,
    "convener" BOOLEAN NOT NULL DEFAULT false,
    "joinedOn" DATE NOT NULL,

    CONSTRAINT "ConsultationMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsultationMeeting" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsultationMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthDate" DATE NOT NULL,
    "idCardCipher" TEXT NOT NULL,
    "idCardHash" TEXT NOT NULL,
    "idCardMasked" TEXT NOT NULL,
    "phone" TEXT,
    "address" TEXT NOT NULL,
    "vulnerableGroups" "VulnerableGroup"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Resident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "category" "LedgerCategory" NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "occurredOn" DATE NOT NULL,
    "reference" TEXT,
    "eventId" TEXT,
    "reversesId" TEXT,
    "recordedBy" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Representative_communityId_idx" ON "Representative"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeMember_candidateId_key" ON "CommitteeMember"("candidateId");

-- CreateIndex
CREATE INDEX "CommitteeMember_communityId_termEnd_idx" ON "CommitteeMember"("communityId", "termEnd");

-- CreateIndex
CREATE INDEX "CommitteeMember_roundId_idx" ON "CommitteeMember"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionRound_openFor_key" ON "ElectionRound"("openFor");

-- CreateIndex
CREATE INDEX "ElectionRound_communityId_idx" ON "ElectionRound"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionStageChange_roundId_stage_key" ON "ElectionStageChange"("roundId", "stage");

-- CreateIndex
CREATE INDEX "ElectionCandidate_roundId_idx" ON "ElectionCandidate"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectionCandidate_roundId_residentId_key" ON "ElectionCandidate"("roundId", "residentId");

-- CreateIndex
CREATE INDEX "ConsultationMember_communityId_idx" ON "ConsultationMember"("communityId");

-- CreateIndex
CREATE INDEX "ConsultationMeeting_communityId_heldOn_idx" ON "ConsultationMeeting"("communityId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_position_key" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_idCardHash_key" ON "Resident"("idCardHash");

-- CreateIndex
CREATE INDEX "Resident_communityId_idx" ON "Resident"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_eventId_key" ON "LedgerEntry"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerEntry_communityId_recordedAt_idx" ON "LedgerEntry"("communityId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ElectionRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "ElectionCandidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionRound" ADD CONSTRAINT "ElectionRound_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionStageChange" ADD CONSTRAINT "ElectionStageChange_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ElectionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectionCandidate" ADD CONSTRAINT "ElectionCandidate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ElectionRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMember" ADD CONSTRAINT "ConsultationMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsultationMeeting" ADD CONSTRAINT "ConsultationMeeting_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ConsultationMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resident" ADD CONSTRAINT "Resident_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PartyOrganizationKind" AS ENUM ('BRANCH', 'GENERAL_BRANCH');

-- CreateEnum
CREATE TYPE "PartyOffice" AS ENUM ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION_COMMITTEE_MEMBER', 'PUBLICITY_COMMITTEE_MEMBER', 'DISCIPLINE_COMMITTEE_MEMBER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('ENTERPRISE', 'STATE_ENTERPRISE', 'PUBLIC_INSTITUTION', 'GOVERNMENT_AGENCY', 'SCHOOL', 'HOSPITAL', 'SOCIAL_ORGANIZATION');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('ROOMS', 'EQUIPMENT', 'MONEY', 'STAFF_TIME', 'GOODS', 'SERVICES');

-- CreateEnum
CREATE TYPE "VolunteerSkill" AS ENUM ('ELDERLY_CARE', 'MEDICAL', 'TUTORING', 'LEGAL_AID', 'REPAIRS', 'SAFETY_PATROL', 'CULTURE_ARTS', 'ENVIRONMENT', 'IT_HELP', 'COUNSELING');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('PARTY_BUILDING', 'VOLUNTEER_SERVICE');

-- CreateTable
CREATE TABLE "PartyOrganization" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "streetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartyOrganizationKind" NOT NULL,
    "foundedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyMember" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthYear" INTEGER NOT NULL,
    "phone" TEXT NOT NULL,
    "joinedOn" DATE NOT NULL,
    "office" "PartyOffice",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartyMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoConstructionUnit" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "address" TEXT NOT NULL,
    "partnerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoConstructionUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoConstructionAgreement" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "resources" "ResourceKind"[],
    "signedOn" DATE NOT NULL,
    "validUntil" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoConstructionAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contribution" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "agreementId" TEXT,
    "kind" "ResourceKind" NOT NULL,
    "description" TEXT NOT NULL,
    "valueFen" BIGINT NOT NULL,
    "contributedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTeam" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "focus" "VolunteerSkill" NOT NULL,
    "leaderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Volunteer" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "teamId" TEXT,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "skills" "VolunteerSkill"[],
    "partyMemberId" TEXT,
    "registeredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "teamId" TEXT,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityParticipant" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "volunteerId" TEXT,
    "partyMemberId" TEXT,

    CONSTRAINT "ActivityParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerHours" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "loggedBy" TEXT,
    "loggedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerHours_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartyOrganization_communityId_key" ON "PartyOrganization"("communityId");

-- CreateIndex
CREATE INDEX "PartyOrganization_streetId_idx" ON "PartyOrganization"("streetId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyMember_organizationId_office_key" ON "PartyMember"("organizationId", "office");

-- CreateIndex
CREATE INDEX "CoConstructionUnit_communityId_idx" ON "CoConstructionUnit"("communityId");

-- CreateIndex
CREATE INDEX "CoConstructionUnit_partnerId_idx" ON "CoConstructionUnit"("partnerId");

-- CreateIndex
CREATE INDEX "CoConstructionAgreement_unitId_idx" ON "CoConstructionAgreement"("unitId");

-- CreateIndex
CREATE INDEX "Contribution_unitId_idx" ON "Contribution"("unitId");

-- CreateIndex
CREATE INDEX "Contribution_agreementId_idx" ON "Contribution"("agreementId");

-- CreateIndex
CREATE INDEX "VolunteerTeam_communityId_idx" ON "VolunteerTeam"("communityId");

-- CreateIndex
CREATE INDEX "VolunteerTeam_leaderId_idx" ON "VolunteerTeam"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Volunteer_partyMemberId_key" ON "Volunteer"("partyMemberId");

-- CreateIndex
CREATE INDEX "Volunteer_communityId_idx" ON "Volunteer"("communityId");

-- CreateIndex
CREATE INDEX "Volunteer_teamId_idx" ON "Volunteer"("teamId");

-- CreateIndex
CREATE INDEX "Activity_communityId_idx" ON "Activity"("communityId");

-- CreateIndex
CREATE INDEX "Activity_teamId_idx" ON "Activity"("teamId");

-- CreateIndex
CREATE INDEX "ActivityParticipant_volunteerId_idx" ON "ActivityParticipant"("volunteerId");

-- CreateIndex
CREATE INDEX "ActivityParticipant_partyMemberId_idx" ON "ActivityParticipant"("partyMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityParticipant_activityId_volunteerId_key" ON "ActivityParticipant"("activityId", "volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityParticipant_activityId_partyMemberId_key" ON "ActivityParticipant"("activityId", "partyMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "VolunteerHours_idempotencyKey_key" ON "VolunteerHours"("idempotencyKey");

-- CreateIndex
CREATE INDEX "VolunteerHours_volunteerId_idx" ON "VolunteerHours"("volunteerId");

-- CreateIndex
CREATE INDEX "VolunteerHours_activityId_idx" ON "VolunteerHours"("activityId");

-- AddForeignKey
ALTER TABLE "PartyMember" ADD CONSTRAINT "PartyMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "PartyOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoConstructionUnit" ADD CONSTRAINT "CoConstructionUnit_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "PartyOrganization"("communityId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoConstructionAgreement" ADD CONSTRAINT "CoConstructionAgreement_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "CoConstructionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "CoConstructionUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "CoConstructionAgreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "PartyOrganization"("communityId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Volunteer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "PartyOrganization"("communityId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_partyMemberId_fkey" FOREIGN KEY ("partyMemberId") REFERENCES "PartyMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "PartyOrganization"("communityId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityParticipant" ADD CONSTRAINT "ActivityParticipant_partyMemberId_fkey" FOREIGN KEY ("partyMemberId") REFERENCES "PartyMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerHours" ADD CONSTRAINT "VolunteerHours_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerHours" ADD CONSTRAINT "VolunteerHours_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "SubgraphKind" AS ENUM ('CORE', 'PARTNER');

-- CreateEnum
CREATE TYPE "VersionAction" AS ENUM ('SYNC', 'PUBLISH', 'ROLLBACK', 'REMOVE');

-- CreateTable
CREATE TABLE "RegisteredSubgraph" (
    "name" TEXT NOT NULL,
    "kind" "SubgraphKind" NOT NULL,
    "partnerId" TEXT,
    "routingUrl" TEXT NOT NULL,
    "keyGeneration" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "currentVersion" INTEGER,
    "registeredBy" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegisteredSubgraph_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "SubgraphVersion" (
    "subgraphName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "VersionAction" NOT NULL,
    "sdl" TEXT,
    "routingUrl" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "SubgraphVersion_pkey" PRIMARY KEY ("subgraphName","version")
);

-- AddForeignKey
ALTER TABLE "SubgraphVersion" ADD CONSTRAINT "SubgraphVersion_subgraphName_fkey" FOREIGN KEY ("subgraphName") REFERENCES "RegisteredSubgraph"("name") ON DELETE CASCADE ON UPDATE CASCADE;

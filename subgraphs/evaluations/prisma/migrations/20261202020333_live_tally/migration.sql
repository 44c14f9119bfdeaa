-- CreateTable
CREATE TABLE "LiveTally" (
    "campaignId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "ballotCount" INTEGER NOT NULL DEFAULT 0,
    "weightedSum" BIGINT NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "levelSums" INTEGER[],
    "currentCount" INTEGER NOT NULL DEFAULT 0,
    "currentWeighted" BIGINT NOT NULL DEFAULT 0,
    "currentSatisfied" INTEGER NOT NULL DEFAULT 0,
    "currentLevelSums" INTEGER[],
    "pendingBallotIds" TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LiveTally_pkey" PRIMARY KEY ("campaignId","targetId")
);

-- AddForeignKey
ALTER TABLE "LiveTally" ADD CONSTRAINT "LiveTally_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Campaigns already OPEN: the ballots cast so far are their first release (and their current state, below).
WITH ballot_scores AS (
    SELECT b."id", b."campaignId", b."targetId",
           SUM(c."weightHundredths" * b."levels"[c."position" + 1]) AS "weighted"
    FROM "Ballot" b
    JOIN "Campaign" k ON k."id" = b."campaignId" AND k."status" = 'OPEN'
    JOIN "Criterion" c ON c."campaignId" = b."campaignId"
    GROUP BY b."id", b."campaignId", b."targetId"
), total_weights AS (
    SELECT "campaignId", SUM("weightHundredths") AS "total" FROM "Criterion" GROUP BY "campaignId"
), level_sums AS (
    SELECT c."campaignId", t."targetId", c."position",
           COALESCE((SELECT SUM(b."levels"[c."position" + 1]) FROM "Ballot" b
                     WHERE b."campaignId" = c."campaignId" AND b."targetId" = t."targetId"), 0) AS "sum"
    FROM "Criterion" c
    JOIN "CampaignTarget" t ON t."campaignId" = c."campaignId"
)
INSERT INTO "LiveTally" ("campaignId", "targetId", "ballotCount", "weightedSum", "satisfied", "levelSums", "pendingBallotIds", "revision")
SELECT t."campaignId", t."targetId",
       (SELECT COUNT(*) FROM ballot_scores s WHERE s."campaignId" = t."campaignId" AND s."targetId" = t."targetId"),
       (SELECT COALESCE(SUM(s."weighted"), 0) FROM ballot_scores s WHERE s."campaignId" = t."campaignId" AND s."targetId" = t."targetId"),
       (SELECT COUNT(*) FROM ballot_scores s JOIN total_weights w ON w."campaignId" = s."campaignId"
        WHERE s."campaignId" = t."campaignId" AND s."targetId" = t."targetId" AND s."weighted" >= 3 * w."total"),
       ARRAY(SELECT l."sum"::INTEGER FROM level_sums l WHERE l."campaignId" = t."campaignId" AND l."targetId" = t."targetId" ORDER BY l."position"),
       '{}',
       k."revision"
FROM "CampaignTarget" t
JOIN "Campaign" k ON k."id" = t."campaignId" AND k."status" = 'OPEN';

UPDATE "LiveTally" SET "currentCount" = "ballotCount", "currentWeighted" = "weightedSum", "currentSatisfied" = "satisfied", "currentLevelSums" = "levelSums";

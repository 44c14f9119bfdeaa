-- CreateTable
CREATE TABLE "CommunitySummary" (
    "communityId" TEXT NOT NULL,
    "representatives" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommunitySummary_pkey" PRIMARY KEY ("communityId")
);

-- CreateTable
CREATE TABLE "LedgerCategoryTotal" (
    "communityId" TEXT NOT NULL,
    "category" "LedgerCategory" NOT NULL,
    "amountFen" BIGINT NOT NULL DEFAULT 0,
    "entries" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LedgerCategoryTotal_pkey" PRIMARY KEY ("communityId","category")
);

-- The summaries are kept by the database itself, in the same transaction as the write that
-- changes them, so that every code path (mutations, the task-funding and donation outbox
-- deliveries, the demo seed, hand-written SQL) is covered. Statement-level triggers see all
-- the rows a statement wrote (transition tables): the seed's bulk inserts cost one grouped
-- update per community, and each change is an atomic `x = x + delta`, so concurrent writers
-- queue on the summary row instead of losing each other's counts. Ids never change.

CREATE FUNCTION "committees_bump_representatives"(c TEXT, d BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE "CommunitySummary" SET "representatives" = "representatives" + d WHERE "communityId" = c AND d <> 0
$$;

-- A community's summary row exists from its creation on (representatives reference it).
CREATE FUNCTION "committees_community_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CommunitySummary" ("communityId") SELECT id FROM new_rows ORDER BY 1;
  ELSE
    DELETE FROM "CommunitySummary" s USING old_rows o WHERE s."communityId" = o.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "committees_representative_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "committees_bump_representatives"(n."communityId", count(*)) FROM new_rows n GROUP BY n."communityId" ORDER BY n."communityId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "committees_bump_representatives"(o."communityId", -count(*)) FROM old_rows o GROUP BY o."communityId" ORDER BY o."communityId";
  END IF;
  RETURN NULL;
END
$$;

-- The ledger refuses UPDATE and DELETE (ledger_append_only): inserts are all there is to follow.
-- A category's row appears with its first entry, as the GROUP BY it replaces showed it.
CREATE FUNCTION "committees_ledger_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LedgerCategoryTotal" AS t ("communityId", "category", "amountFen", "entries")
    SELECT n."communityId", n.category, sum(n."amountFen"), count(*) FROM new_rows n
    GROUP BY n."communityId", n.category ORDER BY n."communityId", n.category
  ON CONFLICT ("communityId", "category") DO UPDATE SET
    "amountFen" = t."amountFen" + excluded."amountFen",
    "entries" = t."entries" + excluded."entries";
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger, hence a trigger per event.
CREATE TRIGGER "Community_summary_insert" AFTER INSERT ON "Community" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_community_summary"();
CREATE TRIGGER "Community_summary_delete" AFTER DELETE ON "Community" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_community_summary"();
CREATE TRIGGER "Representative_summary_insert" AFTER INSERT ON "Representative" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_representative_summary"();
CREATE TRIGGER "Representative_summary_update" AFTER UPDATE ON "Representative" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_representative_summary"();
CREATE TRIGGER "Representative_summary_delete" AFTER DELETE ON "Representative" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_representative_summary"();
CREATE TRIGGER "LedgerEntry_totals_insert" AFTER INSERT ON "LedgerEntry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "committees_ledger_totals"();

-- A database seeded before this migration: its summaries from the rows, once.
INSERT INTO "CommunitySummary" ("communityId", "representatives")
  SELECT c.id, (SELECT count(*) FROM "Representative" r WHERE r."communityId" = c.id) FROM "Community" c;
INSERT INTO "LedgerCategoryTotal" ("communityId", "category", "amountFen", "entries")
  SELECT "communityId", category, sum("amountFen"), count(*) FROM "LedgerEntry" GROUP BY "communityId", category;

-- CreateTable
CREATE TABLE "CommunityRequestSummary" (
    "communityId" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "open" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "badReviews" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CommunityRequestSummary_pkey" PRIMARY KEY ("communityId")
);

-- The summary is kept by the database itself, in the same transaction as the write that
-- changes it, so that every code path (filing, the workflow's moves, ratings, the demo seed,
-- hand-written SQL) is covered. Statement-level triggers see all the rows a statement wrote
-- (transition tables): the seed's bulk insert costs one grouped upsert per community, and each
-- change is an atomic `x = x + delta`, so concurrent writers queue on the summary row instead
-- of losing each other's counts. A request's id never changes.

CREATE FUNCTION "services_request_figures"(status "ServiceRequestStatus", rating "ServiceRating", OUT total INT, OUT open INT, OUT rated INT, OUT bad INT) LANGUAGE sql IMMUTABLE AS $$
  SELECT 1, (status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'))::int, (rating IS NOT NULL)::int,
         coalesce(rating IN ('DISSATISFIED', 'VERY_DISSATISFIED'), false)::int
$$;

CREATE FUNCTION "services_bump_requests"(c TEXT, dt BIGINT, dop BIGINT, dr BIGINT, db BIGINT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "CommunityRequestSummary" AS s ("communityId", "total", "open", "rated", "badReviews") VALUES (c, dt, dop, dr, db)
  ON CONFLICT ("communityId") DO UPDATE SET
    "total" = s."total" + excluded."total",
    "open" = s."open" + excluded."open",
    "rated" = s."rated" + excluded."rated",
    "badReviews" = s."badReviews" + excluded."badReviews"
$$;

CREATE FUNCTION "services_request_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "services_bump_requests"(n."communityId", sum(f.total), sum(f.open), sum(f.rated), sum(f.bad))
      FROM new_rows n, "services_request_figures"(n.status, n.rating) f GROUP BY n."communityId" ORDER BY n."communityId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "services_bump_requests"(o."communityId", -sum(f.total), -sum(f.open), -sum(f.rated), -sum(f.bad))
      FROM old_rows o, "services_request_figures"(o.status, o.rating) f GROUP BY o."communityId" ORDER BY o."communityId";
  END IF;
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger, hence a trigger per event.
CREATE TRIGGER "ServiceRequest_summary_insert" AFTER INSERT ON "ServiceRequest" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "services_request_summary"();
CREATE TRIGGER "ServiceRequest_summary_update" AFTER UPDATE ON "ServiceRequest" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "services_request_summary"();
CREATE TRIGGER "ServiceRequest_summary_delete" AFTER DELETE ON "ServiceRequest" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "services_request_summary"();

-- A database seeded before this migration: its summary from the rows, once.
INSERT INTO "CommunityRequestSummary" ("communityId", "total", "open", "rated", "badReviews")
  SELECT r."communityId", sum(f.total), sum(f.open), sum(f.rated), sum(f.bad)
  FROM "ServiceRequest" r, "services_request_figures"(r.status, r.rating) f GROUP BY r."communityId";

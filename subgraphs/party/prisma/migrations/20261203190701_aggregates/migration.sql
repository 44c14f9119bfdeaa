-- CreateTable
CREATE TABLE "CommunityVolunteerSummary" (
    "communityId" TEXT NOT NULL,
    "volunteers" INTEGER NOT NULL DEFAULT 0,
    "partyMemberVolunteers" INTEGER NOT NULL DEFAULT 0,
    "teams" INTEGER NOT NULL DEFAULT 0,
    "teamsLedByPartyMembers" INTEGER NOT NULL DEFAULT 0,
    "minutes" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CommunityVolunteerSummary_pkey" PRIMARY KEY ("communityId")
);

-- CreateTable
CREATE TABLE "PartyOrganizationSummary" (
    "organizationId" TEXT NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PartyOrganizationSummary_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable
CREATE TABLE "VolunteerTeamSummary" (
    "teamId" TEXT NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VolunteerTeamSummary_pkey" PRIMARY KEY ("teamId")
);

-- The summaries are kept by the database itself, in the same transaction as the write that
-- changes them: every code path (mutations, the outbox, the demo seed, hand-written SQL) is
-- covered without having to remember it. Statement-level triggers see all the rows a statement
-- wrote (transition tables), so the seed's bulk inserts cost one grouped update per community,
-- and each change is an atomic `x = x + delta` on the summary row: concurrent writers queue on
-- that row instead of losing each other's counts. Ids and an organisation's community never
-- change (no code path does either), which the triggers rely on.

CREATE FUNCTION "party_bump_community"(c TEXT, dv BIGINT, dpv BIGINT, dt BIGINT, dtl BIGINT, dm BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE "CommunityVolunteerSummary" SET
    "volunteers" = "volunteers" + dv,
    "partyMemberVolunteers" = "partyMemberVolunteers" + dpv,
    "teams" = "teams" + dt,
    "teamsLedByPartyMembers" = "teamsLedByPartyMembers" + dtl,
    "minutes" = "minutes" + dm
  WHERE "communityId" = c AND (dv <> 0 OR dpv <> 0 OR dt <> 0 OR dtl <> 0 OR dm <> 0)
$$;

CREATE FUNCTION "party_bump_team"(t TEXT, d BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE "VolunteerTeamSummary" SET "members" = "members" + d WHERE "teamId" = t AND d <> 0
$$;

CREATE FUNCTION "party_bump_organization"(o TEXT, d BIGINT) RETURNS void LANGUAGE sql AS $$
  UPDATE "PartyOrganizationSummary" SET "members" = "members" + d WHERE "organizationId" = o AND d <> 0
$$;

-- An organisation's summary rows exist from its registration on, so every bump finds its row
-- (volunteers, teams, members and activities all reference the organisation).
CREATE FUNCTION "party_organization_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "CommunityVolunteerSummary" ("communityId") SELECT "communityId" FROM new_rows ORDER BY 1;
    INSERT INTO "PartyOrganizationSummary" ("organizationId") SELECT id FROM new_rows ORDER BY 1;
  ELSE
    DELETE FROM "CommunityVolunteerSummary" s USING old_rows o WHERE s."communityId" = o."communityId";
    DELETE FROM "PartyOrganizationSummary" s USING old_rows o WHERE s."organizationId" = o.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "party_member_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "party_bump_organization"(n."organizationId", count(*)) FROM new_rows n GROUP BY n."organizationId" ORDER BY n."organizationId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "party_bump_organization"(o."organizationId", -count(*)) FROM old_rows o GROUP BY o."organizationId" ORDER BY o."organizationId";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "party_volunteer_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "party_bump_community"(n."communityId", count(*), count(n."partyMemberId"), 0, 0, 0) FROM new_rows n GROUP BY n."communityId" ORDER BY n."communityId";
    PERFORM "party_bump_team"(n."teamId", count(*)) FROM new_rows n WHERE n."teamId" IS NOT NULL GROUP BY n."teamId" ORDER BY n."teamId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "party_bump_community"(o."communityId", -count(*), -count(o."partyMemberId"), 0, 0, 0) FROM old_rows o GROUP BY o."communityId" ORDER BY o."communityId";
    PERFORM "party_bump_team"(o."teamId", -count(*)) FROM old_rows o WHERE o."teamId" IS NOT NULL GROUP BY o."teamId" ORDER BY o."teamId";
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- A team leader who joins or leaves the party changes whether the team is party-led.
    PERFORM "party_bump_community"(t."communityId", 0, 0, 0, sum(("n"."partyMemberId" IS NOT NULL)::int - (o."partyMemberId" IS NOT NULL)::int), 0)
      FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "VolunteerTeam" t ON t."leaderId" = n.id
      GROUP BY t."communityId" ORDER BY t."communityId";
  END IF;
  RETURN NULL;
END
$$;

-- Deleting a leader sets its teams' leaderId to NULL afterwards (ON DELETE SET NULL), when the
-- team trigger can no longer see who led them: the teams it led stop being party-led here,
-- while the volunteer row is still there.
CREATE FUNCTION "party_volunteer_leader_gone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."partyMemberId" IS NOT NULL THEN
    PERFORM "party_bump_community"(t."communityId", 0, 0, 0, -count(*), 0) FROM "VolunteerTeam" t WHERE t."leaderId" = OLD.id GROUP BY t."communityId";
  END IF;
  RETURN OLD;
END
$$;

CREATE FUNCTION "party_team_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "VolunteerTeamSummary" ("teamId") SELECT id FROM new_rows ORDER BY 1;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "party_bump_community"(n."communityId", 0, 0, count(*), count(v."partyMemberId"), 0)
      FROM new_rows n LEFT JOIN "Volunteer" v ON v.id = n."leaderId" GROUP BY n."communityId" ORDER BY n."communityId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "party_bump_community"(o."communityId", 0, 0, -count(*), -count(v."partyMemberId"), 0)
      FROM old_rows o LEFT JOIN "Volunteer" v ON v.id = o."leaderId" GROUP BY o."communityId" ORDER BY o."communityId";
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "VolunteerTeamSummary" s USING old_rows o WHERE s."teamId" = o.id;
  END IF;
  RETURN NULL;
END
$$;

-- Hours count for the community of their activity.
CREATE FUNCTION "party_hours_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM "party_bump_community"(a."communityId", 0, 0, 0, 0, sum(n.minutes))
      FROM new_rows n JOIN "Activity" a ON a.id = n."activityId" GROUP BY a."communityId" ORDER BY a."communityId";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM "party_bump_community"(a."communityId", 0, 0, 0, 0, -sum(o.minutes))
      FROM old_rows o JOIN "Activity" a ON a.id = o."activityId" GROUP BY a."communityId" ORDER BY a."communityId";
  END IF;
  RETURN NULL;
END
$$;

-- An activity moved to another community takes its logged hours along.
CREATE FUNCTION "party_activity_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "party_bump_community"(moved.c, 0, 0, 0, 0, sum(moved.m)::bigint) FROM (
    SELECT n."communityId" AS c, h.minutes::bigint AS m FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "VolunteerHours" h ON h."activityId" = n.id WHERE o."communityId" <> n."communityId"
    UNION ALL
    SELECT o."communityId", -h.minutes::bigint FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN "VolunteerHours" h ON h."activityId" = n.id WHERE o."communityId" <> n."communityId"
  ) moved GROUP BY moved.c ORDER BY moved.c;
  RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger, hence a trigger per event.
CREATE TRIGGER "PartyOrganization_summary_insert" AFTER INSERT ON "PartyOrganization" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_organization_summary"();
CREATE TRIGGER "PartyOrganization_summary_delete" AFTER DELETE ON "PartyOrganization" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_organization_summary"();
CREATE TRIGGER "PartyMember_summary_insert" AFTER INSERT ON "PartyMember" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_member_summary"();
CREATE TRIGGER "PartyMember_summary_update" AFTER UPDATE ON "PartyMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_member_summary"();
CREATE TRIGGER "PartyMember_summary_delete" AFTER DELETE ON "PartyMember" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_member_summary"();
CREATE TRIGGER "Volunteer_summary_insert" AFTER INSERT ON "Volunteer" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_volunteer_summary"();
CREATE TRIGGER "Volunteer_summary_update" AFTER UPDATE ON "Volunteer" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_volunteer_summary"();
CREATE TRIGGER "Volunteer_summary_delete" AFTER DELETE ON "Volunteer" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_volunteer_summary"();
CREATE TRIGGER "Volunteer_leader_gone" BEFORE DELETE ON "Volunteer" FOR EACH ROW EXECUTE FUNCTION "party_volunteer_leader_gone"();
CREATE TRIGGER "VolunteerTeam_summary_insert" AFTER INSERT ON "VolunteerTeam" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_team_summary"();
CREATE TRIGGER "VolunteerTeam_summary_update" AFTER UPDATE ON "VolunteerTeam" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_team_summary"();
CREATE TRIGGER "VolunteerTeam_summary_delete" AFTER DELETE ON "VolunteerTeam" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_team_summary"();
CREATE TRIGGER "VolunteerHours_summary_insert" AFTER INSERT ON "VolunteerHours" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_hours_summary"();
CREATE TRIGGER "VolunteerHours_summary_update" AFTER UPDATE ON "VolunteerHours" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_hours_summary"();
CREATE TRIGGER "VolunteerHours_summary_delete" AFTER DELETE ON "VolunteerHours" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_hours_summary"();
CREATE TRIGGER "Activity_summary_update" AFTER UPDATE ON "Activity" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "party_activity_summary"();

-- A database seeded before this migration: its summaries from the rows, once.
INSERT INTO "PartyOrganizationSummary" ("organizationId", "members")
  SELECT o.id, (SELECT count(*) FROM "PartyMember" m WHERE m."organizationId" = o.id) FROM "PartyOrganization" o;
INSERT INTO "VolunteerTeamSummary" ("teamId", "members")
  SELECT t.id, (SELECT count(*) FROM "Volunteer" v WHERE v."teamId" = t.id) FROM "VolunteerTeam" t;
INSERT INTO "CommunityVolunteerSummary" ("communityId", "volunteers", "partyMemberVolunteers", "teams", "teamsLedByPartyMembers", "minutes")
  SELECT o."communityId",
    (SELECT count(*) FROM "Volunteer" v WHERE v."communityId" = o."communityId"),
    (SELECT count(v."partyMemberId") FROM "Volunteer" v WHERE v."communityId" = o."communityId"),
    (SELECT count(*) FROM "VolunteerTeam" t WHERE t."communityId" = o."communityId"),
    (SELECT count(l."partyMemberId") FROM "VolunteerTeam" t JOIN "Volunteer" l ON l.id = t."leaderId" WHERE t."communityId" = o."communityId"),
    (SELECT coalesce(sum(h.minutes), 0) FROM "Activity" a JOIN "VolunteerHours" h ON h."activityId" = a.id WHERE a."communityId" = o."communityId")
  FROM "PartyOrganization" o;

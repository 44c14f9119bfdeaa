// Closing a campaign: no more ballots, and every target with at least one bad review gets a
// rectification case (差评整改) with the count, the anonymised comments of those reviews, the
// affected communities and a deadline of 15 working days. A target with fewer ballots than the
// campaign's minimum gets none: its results stay hidden, and a case would tell how many bad
// reviews it had, from which communities, with what comments — too few ballots to hide behind.
import { randomUUID } from 'node:crypto';
import { anonymisedList, conflict, notFound } from '@shequ/kit';
import type { DB } from '../db.js';
import { addWorkingDays, dayToDate, districtDayOf } from './calendar.js';
import { rectificationWorkingDays } from './rectification.js';
import { isBadReview } from './scoring.js';

export interface ClosedCampaign {
  cases: number;
  /** Targets below the campaign's minimum ballot count, for which no case could be opened. */
  belowMinimum: number;
}

export async function closeCampaign(prisma: DB, campaignId: string, now = new Date()): Promise<ClosedCampaign> {
  return prisma.$transaction(
    async (tx) => {
      // Taking the row first waits for ballots in flight: they commit before, or see CLOSED.
      // Its revision takes in every ballot counted on its tallies (results.ts revisionOf).
      const closed = await tx.$executeRaw`
        UPDATE "Campaign" SET "status" = 'CLOSED', "closedAt" = ${now},
          "revision" = "revision" + COALESCE((SELECT SUM("version") FROM "LiveTally" WHERE "campaignId" = ${campaignId}), 0)::int
        WHERE "id" = ${campaignId} AND "status" = 'OPEN'`;
      if (closed === 0) {
        const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { status: true } });
        if (!campaign) throw notFound('Campaign', campaignId);
        throw conflict(`Only an OPEN campaign can be closed; ${campaignId} is ${campaign.status}`);
      }
      const { minBallots } = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { minBallots: true } });
      const criteria = await tx.criterion.findMany({ where: { campaignId }, orderBy: { position: 'asc' } });
      const targets = await tx.campaignTarget.findMany({ where: { campaignId }, orderBy: { position: 'asc' } });
      const ballots = await tx.ballot.findMany({ where: { campaignId }, select: { targetId: true, levels: true, comment: true, communityId: true } });
      const bad = ballots.filter((b) => isBadReview(criteria, b.levels));
      const openedOn = districtDayOf(now);
      const deadline = addWorkingDays(openedOn, rectificationWorkingDays);
      const counts = new Map<string, number>();
      for (const b of ballots) counts.set(b.targetId, (counts.get(b.targetId) ?? 0) + 1);
      const assessed = targets.filter((t) => (counts.get(t.targetId) ?? 0) >= minBallots);
      const data = assessed.flatMap((t) => {
        const reviews = bad.filter((b) => b.targetId === t.targetId);
        if (reviews.length === 0) return [];
        return [
          {
            id: `rect-${randomUUID()}`,
            campaignId,
            targetId: t.targetId,
            targetKind: t.kind,
            badReviews: reviews.length,
            comments: anonymisedList(reviews.map((r) => r.comment)),
            affectedCommunityIds: [...new Set(reviews.map((r) => r.communityId))].sort(),
            openedOn: dayToDate(openedOn),
            deadline: dayToDate(deadline),
          },
        ];
      });
      await tx.rectificationCase.createMany({ data });
      return { cases: data.length, belowMinimum: targets.length - assessed.length };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

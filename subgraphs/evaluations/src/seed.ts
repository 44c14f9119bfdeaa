import { bulkInsert, demoSeedTransaction, representativesPerCommunity, type Logger, type SeedKeys } from '@shequ/kit';
import type { DB } from './db.js';
import { demoBallots, demoCriteria, demoMinBallots, demoTargets } from './demo/campaign-data.js';
import { demoCaseProgress } from './demo/rectification-progress.js';
import { ballotKeys, type BallotKeys } from './domain/ballot-key.js';
import { closeCampaign } from './domain/close.js';
import { releaseAll } from './domain/release.js';
import { dayToDate, halfYearOf } from './domain/calendar.js';

type Half = ReturnType<typeof halfYearOf>;

const DAY = 86_400_000;
const titleOf = (h: Half) => `${h.year}年${h.half === 1 ? '上' : '下'}半年社区评议街道、职能部门和下沉干部`;
const previousHalf = (h: Half): Half => halfYearOf(new Date(dayToDate(h.start).getTime() - DAY));

const campaignId = (h: Half) => `campaign-${h.year}-h${h.half}`;

/** A restart's whole cost: one statement finds both demo campaigns in their final state. */
async function seeded(prisma: DB, currentId: string, pastId: string): Promise<boolean> {
  const [row] = await prisma.$queryRawUnsafe<{ done: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Campaign" WHERE id = $1) AND EXISTS (SELECT 1 FROM "Campaign" WHERE id = $2 AND status = 'PUBLISHED') AS done`,
    currentId,
    pastId,
  );
  return row?.done === true;
}

/** Creates a campaign OPEN with its ballots, in one transaction; nothing if it exists. */
async function ensureOpenCampaign(prisma: DB, h: Half, share: number, observerIds: string[], keys: BallotKeys): Promise<{ id: string; created: number }> {
  const id = campaignId(h);
  if (await prisma.campaign.findUnique({ where: { id }, select: { id: true } })) return { id, created: 0 };
  const ballots = demoBallots(id, share, keys);
  const openedAt = new Date(Math.min(Date.now(), dayToDate(h.start).getTime() + 14 * DAY));
  await prisma.$transaction(async (tx) => {
    await tx.campaign.create({
      data: {
        id,
        title: titleOf(h),
        periodStart: dayToDate(h.start),
        periodEnd: dayToDate(h.end),
        status: 'OPEN',
        openedAt,
        observerIds,
        revision: ballots.length,
        minBallots: demoMinBallots,
      },
    });
    await tx.criterion.createMany({ data: demoCriteria.map((c, position) => ({ campaignId: id, ...c, position })) });
    const targets = demoTargets.map((t, position) => ({
      targetId: t.targetId,
      kind: t.kind,
      position,
      eligibleVoters: t.communities.length * representativesPerCommunity,
    }));
    await tx.campaignTarget.createMany({ data: targets.map((t) => ({ campaignId: id, ...t })) });
    await bulkInsert(tx, 'Ballot', ballots);
    // The ballots cast so far are the campaign's first live release.
    await releaseAll(tx, { id, minBallots: demoMinBallots, criteria: demoCriteria, targets });
  }, demoSeedTransaction);
  return { id, created: ballots.length };
}

/** Moves the past campaign on to PUBLISHED with its rectification cases in various states; each step idempotent. */
async function publishPast(prisma: DB, id: string, h: Half): Promise<void> {
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id } });
  const closedAt = new Date(Math.min(Date.now(), dayToDate(h.end).getTime() + 3 * DAY + 2 * 3600_000));
  if (campaign.status === 'OPEN') await closeCampaign(prisma, id, closedAt);
  if (campaign.status === 'PUBLISHED') return;
  const cases = await prisma.rectificationCase.findMany({ where: { campaignId: id }, orderBy: { targetId: 'asc' } });
  const at = (days: number) => new Date(Math.min(Date.now(), closedAt.getTime() + days * DAY));
  const progress = demoCaseProgress(cases, id, at);
  await prisma.$transaction([
    ...cases.flatMap((c) => {
      const { update, verifications } = progress.get(c.id)!;
      return [prisma.rectificationCase.update({ where: { id: c.id }, data: update }), prisma.rectificationVerification.createMany({ data: verifications })];
    }),
    prisma.campaign.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: at(10) } }),
  ]);
}

/**
 * Demo data: an OPEN campaign for the current half-year (departments, streets and the staff
 * assigned to communities) with about 45% of the possible ballots cast, and the previous half-year's campaign PUBLISHED with results and rectification cases.
 * Idempotent: an existing campaign is left alone.
 */
export async function seed(prisma: DB, log: Logger, seedKeys: SeedKeys = { fieldCipher: undefined }): Promise<void> {
  const current = halfYearOf(new Date());
  const past = previousHalf(current);
  if (await seeded(prisma, campaignId(current), campaignId(past))) return;
  const keys = ballotKeys(seedKeys);
  const now = await ensureOpenCampaign(prisma, current, 0.45, ['observer-district-npc'], keys);
  const before = await ensureOpenCampaign(prisma, past, 0.75, ['observer-district-npc'], keys);
  await publishPast(prisma, before.id, past);
  if (now.created || before.created) log.info({ campaigns: [now.id, before.id], ballots: now.created + before.created }, 'demo data seeded');
}

// A community assesses a commitment made to it (社区评议): KEPT or BROKEN, on a day, with the
// evidence it rests on. Only the committee staff (the clerk) of one of the communities it was
// made to records it, once per community; the owner's own staff never can (they propose), nor
// can the district grade in the communities' place. A broken verdict needs the commitment to be
// due: until its deadline it can still be kept. The evidence is public, so it is anonymised before
// it is stored (no names or phone numbers of residents in a public record).
import { randomUUID } from 'node:crypto';
import { anonymise, badInput, check, conflict, forbidden, isUniqueViolation, notFound, rules } from '@shequ/kit';
import { clerkOf, requireSignedIn } from '../access.js';
import type { Context } from '../builder.js';
import type { Commitment, CommitmentVerdict } from '../generated/prisma/client.js';
import { standing } from './standing.js';

export interface AssessmentInput {
  commitmentId: string;
  verdict: CommitmentVerdict;
  evidence: string;
  /** A calendar day, YYYY-MM-DD. */
  assessedOn: string;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** The district's calendar day (UTC+8): a clerk in Wuhan may record this morning's assembly. */
const districtToday = (now = new Date()) => dayOf(new Date(now.getTime() + 8 * 3_600_000));

function assessmentDay(value: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
  if (!day) throw badInput('assessedOn must be a calendar day (YYYY-MM-DD)', { field: 'assessedOn' });
  if (day > districtToday()) throw badInput('assessedOn must not be in the future', { field: 'assessedOn' });
  return day;
}

export async function assessCommitment(ctx: Context, input: AssessmentInput): Promise<Commitment> {
  requireSignedIn(ctx.caller);
  const evidence = anonymise(check(rules.text(1000, 2), input.evidence, 'evidence'));
  if (evidence.length < 2) throw badInput('evidence must say what the assessment rests on', { field: 'evidence' });
  const day = assessmentDay(input.assessedOn);

  const commitment = await ctx.prisma.commitment.findUnique({ where: { id: input.commitmentId }, include: { communities: true } });
  if (!commitment) throw notFound('Commitment', input.commitmentId);
  const madeTo = commitment.communities.map((c) => c.communityId);
  const communityId = clerkOf(ctx.caller);
  if (!communityId) throw forbidden('A commitment is assessed by the communities it was made to (their committee staff); its owner only proposes');
  if (!madeTo.includes(communityId)) throw forbidden(`Commitment ${commitment.id} was not made to ${communityId}`);
  if (day < dayOf(commitment.publishedAt)) throw badInput('assessedOn must not be before the commitment was published', { field: 'assessedOn' });
  if (input.verdict === 'BROKEN' && day <= dayOf(commitment.deadline)) {
    throw badInput(`Commitment ${commitment.id} is due ${dayOf(commitment.deadline)}: until then it can still be kept`, { field: 'verdict' });
  }

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      // Concurrent assessments of one commitment take turns, so each counts the other's verdict.
      await tx.$queryRaw`SELECT id FROM "Commitment" WHERE id = ${commitment.id} FOR UPDATE`;
      await tx.commitmentAssessment.create({
        data: {
          id: `assessment-${randomUUID()}`,
          commitmentId: commitment.id,
          communityId,
          verdict: input.verdict,
          evidence,
          assessedOn: new Date(`${day}T00:00:00Z`),
        },
      });
      const verdicts = (await tx.commitmentAssessment.findMany({ where: { commitmentId: commitment.id }, select: { verdict: true } })).map((a) => a.verdict);
      const current = await tx.commitment.findUniqueOrThrow({ where: { id: commitment.id } });
      const status = standing(verdicts, madeTo.length);
      if (status === current.status) return current;
      return tx.commitment.update({ where: { id: commitment.id }, data: { status, resolvedAt: current.resolvedAt ?? new Date() } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${communityId} has already assessed commitment ${commitment.id}`, { communityId });
    throw err;
  }
}

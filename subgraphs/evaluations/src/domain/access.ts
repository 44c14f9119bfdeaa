// Who sees what. Turnout is public; live scores (OPEN, CLOSED) only for district administrators
// and the observers named on the campaign; after PUBLISHED results are public. An observer is
// named by their token subject (`sub`) or, when their token carries one, their `personId`.
import { forbidden, notFound, unauthenticated, type Caller } from '@shequ/kit';
import type { Campaign } from '../generated/prisma/client.js';

type Visible = Pick<Campaign, 'id' | 'status' | 'observerIds'>;

export function isNamedObserver(caller: Caller, campaign: Pick<Campaign, 'observerIds'>): boolean {
  if (caller.role !== 'OBSERVER') return false;
  return [caller.subject, caller.personId].some((id) => id !== null && campaign.observerIds.includes(id));
}

/** Drafts are the administrators' work in progress; everything else is public. */
export const canSeeCampaign = (caller: Caller, campaign: Pick<Campaign, 'status'>) => campaign.status !== 'DRAFT' || caller.role === 'DISTRICT_ADMIN';

export function canSeeScores(caller: Caller, campaign: Visible): boolean {
  if (campaign.status === 'PUBLISHED') return true;
  return caller.role === 'DISTRICT_ADMIN' || isNamedObserver(caller, campaign);
}

export function demandScores(caller: Caller, campaign: Visible | null, campaignId: string): void {
  if (!campaign || !canSeeCampaign(caller, campaign)) throw notFound('Campaign', campaignId);
  if (canSeeScores(caller, campaign)) return;
  if (caller.role === 'ANONYMOUS')
    throw unauthenticated('Scores are public once the campaign is published; until then sign in as an administrator or a named observer');
  throw forbidden('Until the campaign is published, scores are shown only to district administrators and its named observers');
}

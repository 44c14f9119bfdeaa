// Evaluations: campaigns (not drafts) and turnout are public; live scores of an OPEN campaign only
// for district administrators and its named observers, everyone's once PUBLISHED; ballots only
// from representatives the committees register holds for the token's community, for targets they
// may score; campaign administration for district administrators; a rectification case is acted
// on by its target's own people (plan, appeal), verified by the affected communities' assemblies
// (real representatives of them), and an appeal decided by the district.
import { randomUUID } from 'node:crypto';
import { representativeId } from '@shequ/kit';
import evaluations from '../../subgraphs/evaluations/src/index.js';
import { admin, callers, defineSuite, nobody, own, pastTheCheck, personas, variants, type Caller } from './matrix.js';

interface Campaign {
  id: string;
  status: string;
  criteria: { key: string }[];
  targets: { targetKind: string; targetId: string }[];
}

interface Case {
  id: string;
  targetKind: string;
  targetId: string;
  affectedCommunities: { id: string }[];
}

interface Fixtures {
  open: Campaign;
  published: Campaign;
  /** A resolved case (nothing applies to it any more) of a street or department that is not the personas', not affecting their community. */
  verified: Case;
}

const levels = (c: Campaign, level = 4) => c.criteria.map((k) => ({ criterion: k.key, level }));
/** A real representative of a community the case affects. */
const assemblyOf = (c: Case) => {
  const communityId = c.affectedCommunities[0]!.id;
  return { role: 'REPRESENTATIVE', communityId, personId: representativeId(communityId, 2), sub: representativeId(communityId, 2) } as const;
};
/** The target's own people: its department's or its street office's staff column. */
const targetStaff = (c: Case) =>
  c.targetKind === 'DEPARTMENT'
    ? { DEPARTMENT_STAFF: { ...personas.DEPARTMENT_STAFF, departmentId: c.targetId } }
    : { STREET_STAFF: { ...personas.STREET_STAFF, streetId: c.targetId } };
const targetColumn = (c: Case): Caller[] => [c.targetKind === 'DEPARTMENT' ? 'DEPARTMENT_STAFF' : 'STREET_STAFF'];
const scores = 'score grade rank satisfactionRate badReviews comments criteria { meanLevel }';
const castMutation =
  'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!) { castBallot(campaignId: $c, targetId: $t, levels: $l) { targetId replacedPrevious } }';
// A one-ballot sheet under a fresh key per run: the same rules as castBallot, row for row.
const sheetMutation =
  'mutation($c: ID!, $t: ID!, $l: [BallotLevelInput!]!, $k: String!) { castBallotSheet(campaignId: $c, ballots: [{ targetId: $t, levels: $l }], idempotencyKey: $k) { targetId replacedPrevious } }';
const sheetKey = () => `matrix-sheet-${randomUUID()}`;

export default defineSuite({
  subgraph: evaluations,
  fixtures: async (ask): Promise<Fixtures> => {
    const { campaigns } = await ask<{ campaigns: Campaign[] }>('{ campaigns { id status criteria { key } targets { targetKind targetId } } }');
    const open = campaigns.find((c) => c.status === 'OPEN');
    const published = campaigns.find((c) => c.status === 'PUBLISHED');
    const { rectificationCases } = await ask<{ rectificationCases: (Case & { status: string })[] }>(
      '{ rectificationCases { id status targetKind targetId affectedCommunities { id } } }',
    );
    const verified = rectificationCases.find(
      (c) =>
        ['VERIFIED', 'DISMISSED'].includes(c.status) &&
        c.targetKind !== 'STAFF' &&
        ![own.department, own.street].includes(c.targetId as never) &&
        !c.affectedCommunities.some((a) => a.id === own.community),
    );
    if (!open || !published || !verified)
      throw new Error(`demo data lacks a fixture: ${JSON.stringify({ open: open?.id, published: published?.id, verified })}`);
    return { open, published, verified };
  },
  rows: [
    ...variants(
      {
        name: 'opening a case for a bad service rating',
        // A request services does not know: BAD_USER_INPUT past the identity check, no case.
        operation:
          'mutation { recordBadServiceRating(input: { eventId: "matrix-rating", requestId: "request-nobody", communityId: "community-minzu-01", serviceItemId: "item-nobody", rating: DISSATISFIED, ratedAt: "2026-01-05T08:00:00Z" }) { id } }',
        expect: pastTheCheck('BAD_USER_INPUT', 'NOT_FOUND'),
      },
      {
        'from the services subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:services' } }, allowed: ['SERVICE'] },
        'from another subgraph': { as: { SERVICE: { role: 'SERVICE', sub: 'service:party' } }, allowed: nobody },
      },
    ),
    {
      name: 'campaigns and their turnout are public',
      operation: '{ campaigns { id title status canSeeScores progress { ballotsCast turnout } targets { targetId } } }',
      allowed: callers,
    },
    { name: "a campaign's named observers", operation: '{ campaigns { id observerIds } }', allowed: admin },
    ...variants<Fixtures>(
      { name: 'live scores of a target', operation: `query($c: ID!, $t: ID!) { evaluationResult(campaignId: $c, targetId: $t) { ballotCount ${scores} } }` },
      {
        'open campaign': { variables: (f) => ({ c: f.open.id, t: f.open.targets[0]!.targetId }), allowed: ['DISTRICT_ADMIN', 'OBSERVER'] },
        // An observer not named on the campaign follows nothing before publication.
        'open campaign, an observer not named': {
          variables: (f) => ({ c: f.open.id, t: f.open.targets[0]!.targetId }),
          as: { OBSERVER: { role: 'OBSERVER', sub: 'observer-nobody' } },
          allowed: admin,
        },
        'published campaign': { variables: (f) => ({ c: f.published.id, t: f.published.targets[0]!.targetId }), allowed: callers },
      },
    ),
    ...variants<Fixtures>(
      { name: "all of a campaign's results", operation: `query($c: ID!) { campaign(id: $c) { results { targetId ${scores} } } }` },
      {
        'open campaign': { variables: (f) => ({ c: f.open.id }), allowed: ['DISTRICT_ADMIN', 'OBSERVER'] },
        'published campaign': { variables: (f) => ({ c: f.published.id }), allowed: callers },
      },
    ),
    {
      name: 'the appraisal feed of a published campaign',
      operation: 'query($c: ID!) { appraisal(campaignId: $c) { targetId score grade rectificationStatus } }',
      variables: (f: Fixtures) => ({ c: f.published.id }),
      allowed: callers,
    },
    {
      name: 'rectification cases of a published campaign',
      operation: 'query($c: ID!) { rectificationCases(campaignId: $c) { id plan comments verifications { accepted } appeal { reason } } }',
      variables: (f: Fixtures) => ({ c: f.published.id }),
      allowed: callers,
    },
    ...variants<Fixtures>(
      { name: 'casting a ballot', operation: castMutation },
      {
        // An unknown campaign: NOT_FOUND past the representative check, nothing cast.
        'in an unknown campaign': {
          variables: (f) => ({ c: 'campaign-nobody', t: own.street, l: levels(f.open) }),
          allowed: ['REPRESENTATIVE'],
          expect: pastTheCheck('NOT_FOUND'),
        },
        // The register does not hold this person for the token's community: refused before anything is written.
        'by a personId the register does not hold': {
          variables: (f) => ({ c: f.open.id, t: own.street, l: levels(f.open) }),
          as: { REPRESENTATIVE: { ...personas.REPRESENTATIVE, personId: 'rep-ghost-01', sub: 'rep-ghost-01' } },
          allowed: nobody,
        },
        "by another community's representative in this token": {
          variables: (f) => ({ c: f.open.id, t: own.street, l: levels(f.open) }),
          as: { REPRESENTATIVE: { ...personas.REPRESENTATIVE, personId: representativeId('community-minzu-02', 3), sub: 'borrowed' } },
          allowed: nobody,
        },
        // A street is scored only by representatives of its own communities.
        'for another street': { variables: (f) => ({ c: f.open.id, t: 'street-xinhua', l: levels(f.open) }), allowed: nobody },
      },
    ),
    ...variants<Fixtures>(
      { name: 'casting a ballot sheet', operation: sheetMutation },
      {
        'in an unknown campaign': {
          variables: (f) => ({ c: 'campaign-nobody', t: own.street, l: levels(f.open), k: sheetKey() }),
          allowed: ['REPRESENTATIVE'],
          expect: pastTheCheck('NOT_FOUND'),
        },
        'by a personId the register does not hold': {
          variables: (f) => ({ c: f.open.id, t: own.street, l: levels(f.open), k: sheetKey() }),
          as: { REPRESENTATIVE: { ...personas.REPRESENTATIVE, personId: 'rep-ghost-01', sub: 'rep-ghost-01' } },
          allowed: nobody,
        },
        "by another community's representative in this token": {
          variables: (f) => ({ c: f.open.id, t: own.street, l: levels(f.open), k: sheetKey() }),
          as: { REPRESENTATIVE: { ...personas.REPRESENTATIVE, personId: representativeId('community-minzu-02', 3), sub: 'borrowed' } },
          allowed: nobody,
        },
        'for another street': { variables: (f) => ({ c: f.open.id, t: 'street-xinhua', l: levels(f.open), k: sheetKey() }), allowed: nobody },
      },
    ),
    {
      name: 'creating a campaign',
      // A period that ends before it starts: BAD_USER_INPUT past the role check.
      operation:
        'mutation { createCampaign(input: { title: "matrix", periodStart: "2026-06-30", periodEnd: "2026-01-01", targets: [{ kind: STREET, id: "street-minzu" }], criteria: [{ key: "a", label: "a", weight: 1 }] }) { id } }',
      allowed: admin,
      expect: pastTheCheck('BAD_USER_INPUT'),
    },
    {
      name: 'updating a campaign',
      operation:
        'mutation { updateCampaign(id: "campaign-nobody", input: { title: "matrix", periodStart: "2026-01-01", periodEnd: "2026-06-30", targets: [{ kind: STREET, id: "street-minzu" }], criteria: [{ key: "a", label: "a", weight: 1 }] }) { id } }',
      allowed: admin,
      expect: pastTheCheck('NOT_FOUND'),
    },
    ...(['openCampaign', 'closeCampaign', 'publishCampaign'] as const).map((field) => ({
      name: `${field}`,
      operation: `mutation($id: ID!) { ${field}(id: $id) { id } }`,
      // Published already: CONFLICT past the role check.
      variables: (f: Fixtures) => ({ id: f.published.id }),
      allowed: admin,
      expect: pastTheCheck('CONFLICT'),
    })),
    ...(['submitRectificationPlan(caseId: $id, plan: "matrix")', 'appealRectificationCase(caseId: $id, reason: "matrix")'] as const).flatMap((call) =>
      variants<Fixtures>(
        // A verified case: CONFLICT past the target check.
        {
          name: `${call.slice(0, call.indexOf('('))} on a case`,
          operation: `mutation($id: ID!) { ${call} { id } }`,
          variables: (f) => ({ id: f.verified.id }),
          expect: pastTheCheck('CONFLICT'),
        },
        {
          "the target's own street or department": { as: (f) => targetStaff(f.verified), allowed: (f) => targetColumn(f.verified) },
          'another street and department': { allowed: nobody },
        },
      ),
    ),
    ...variants<Fixtures>(
      {
        name: 'verifying a rectification',
        operation: 'mutation($id: ID!) { verifyRectification(caseId: $id, accepted: true) { id } }',
        variables: (f) => ({ id: f.verified.id }),
        expect: pastTheCheck('CONFLICT'),
      },
      {
        "an affected community's representative": { as: (f) => ({ REPRESENTATIVE: assemblyOf(f.verified) }), allowed: ['REPRESENTATIVE'] },
        // The token's community is affected, but the register does not hold its person there.
        'a personId the register does not hold': {
          as: (f) => ({ REPRESENTATIVE: { ...assemblyOf(f.verified), personId: 'rep-ghost-01', sub: 'rep-ghost-01' } }),
          allowed: nobody,
        },
        'a representative of another community': { allowed: nobody },
      },
    ),
    {
      name: 'deciding an appeal',
      operation: 'mutation($id: ID!) { decideRectificationAppeal(caseId: $id, upheld: false, note: "matrix") { id } }',
      variables: (f: Fixtures) => ({ id: f.verified.id }),
      allowed: admin,
      expect: pastTheCheck('CONFLICT'),
    },
  ],
});

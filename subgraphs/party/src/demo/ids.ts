// Deterministic ids of the demo data, so tests and dashboards can name them.

/** `community-minzu-01` → `minzu-01`. */
export const slug = (communityId: string) => communityId.replace(/^community-/, '');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const demoOrganizationId = (communityId: string) => `party-org-${slug(communityId)}`;
/** Member 1 is the secretary; members 1-3 (1-5 in a general branch) sit on the committee. */
export const demoMemberId = (communityId: string, n: number) => `pm-${slug(communityId)}-${pad(n, 3)}`;
export const demoUnitId = (communityId: string, n: number) => `unit-${slug(communityId)}-${n}`;
/** The partner id a unit's own staff sign in with (role PARTNER). */
export const demoPartnerId = (unitId: string) => `partner-${unitId}`;
export const demoTeamId = (communityId: string, n: number) => `team-${slug(communityId)}-${n}`;
export const demoVolunteerId = (communityId: string, n: number) => `vol-${slug(communityId)}-${pad(n, 4)}`;
export const demoActivityId = (communityId: string, n: number) => `activity-${slug(communityId)}-${pad(n, 2)}`;

/** The unit that gave the community over 100,000 yuan (the source's example). */
export const demoBigDonorId = demoUnitId('community-minzu-01', 1);

// Deterministic ids of the demo data, so tests and dashboards can name them.

/** `community-minzu-01` → `minzu-01`. */
export const slug = (communityId: string) => communityId.replace(/^community-/, '');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const demoOrganizationId = (communityId: string) => `party-org-${slug(communityId)}`;
/** Member 1 is the secretary; members 1-3 (1-5 in a general branch) sit on the committee. */
export const demoMemberId = (communityId: string, n: number) => `pm-${slug(communityId)}-${pad(n, 3)}`;
// Units are built in the kit (committees books their money contributions as donations).
export { demoBigDonorId, demoPartnerId, demoUnitId } from '@shequ/kit';
export const demoTeamId = (communityId: string, n: number) => `team-${slug(communityId)}-${n}`;
export const demoVolunteerId = (communityId: string, n: number) => `vol-${slug(communityId)}-${pad(n, 4)}`;
export const demoActivityId = (communityId: string, n: number) => `activity-${slug(communityId)}-${pad(n, 2)}`;

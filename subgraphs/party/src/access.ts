// Who may see personal data and who may change what.
//
// Party officers are recognised through the token's `personId` claim: an officer signs in as a
// member of their community (RESIDENT, REPRESENTATIVE or COMMITTEE_STAFF) with their PartyMember id
// as `personId`, e.g. `pm-minzu-01-001`. Whether that person holds an office, and in which
// organisation, is read from this subgraph's own records, not from the token: a change of office
// takes effect at once, and an identity provider only has to know who the person is. Roles that
// speak for someone else (an observer, a partner agency, a department) hold no party office
// whatever `personId` they carry, and a token whose community is not the organisation's is not
// that officer.
import { forbidden, managesCommunity, unauthenticated, type Role } from '@shequ/kit';
import type { Context } from './builder.js';
import type { PartyMember } from './generated/prisma/client.js';

type Officer = Pick<PartyMember, 'id' | 'organizationId'> & { organization: { communityId: string } };

/** The caller's office in a party organisation, if they hold one (one statement per request). */
const officerRoles: readonly Role[] = ['RESIDENT', 'REPRESENTATIVE', 'COMMITTEE_STAFF'];

async function callerOfficer(ctx: Context): Promise<Officer | null> {
  const { personId, role, communityId } = ctx.caller;
  if (!personId || !officerRoles.includes(role as Role)) return null;
  const officer = await ctx.loaders
    .byKey(
      'officerById',
      (o: Officer) => o.id,
      (keys: readonly string[]) =>
        ctx.prisma.partyMember.findMany({
          where: { id: { in: [...keys] }, office: { not: null } },
          select: { id: true, organizationId: true, organization: { select: { communityId: true } } },
        }),
    )
    .load(personId);
  return officer && (communityId === null || communityId === officer.organization.communityId) ? officer : null;
}

export const isOfficerOfOrganization = async (ctx: Context, organizationId: string) => (await callerOfficer(ctx))?.organizationId === organizationId;

export const isOfficerInCommunity = async (ctx: Context, communityId: string) => (await callerOfficer(ctx))?.organization.communityId === communityId;

/** Party members' personal data: the organisation's own officers and district administrators only. */
export async function mayReadMembers(ctx: Context, organizationId: string): Promise<boolean> {
  return ctx.caller.role === 'DISTRICT_ADMIN' || isOfficerOfOrganization(ctx, organizationId);
}

/** Whoever runs the community's volunteer and co-construction work. */
export async function mayManageCommunity(ctx: Context, communityId: string): Promise<boolean> {
  if (managesCommunity(ctx.caller, communityId)) return true;
  return isOfficerInCommunity(ctx, communityId);
}

/** Volunteers' names and phones: the same people who manage the community's volunteers. */
export const mayReadVolunteers = mayManageCommunity;

/** Resolves a personal field: its value for callers `may` lets read the row, null for anyone else. */
export const personalField =
  <Row, T>(may: (ctx: Context, row: Row) => Promise<boolean>, pick: (row: Row) => T) =>
  async (row: Row, _args: unknown, ctx: Context): Promise<T | null> =>
    (await may(ctx, row)) ? pick(row) : null;

export async function assertMayManageCommunity(ctx: Context, communityId: string): Promise<void> {
  if (ctx.caller.role === 'ANONYMOUS') throw unauthenticated();
  if (!(await mayManageCommunity(ctx, communityId))) {
    throw forbidden(`Only ${communityId}'s committee staff, its party officers or a district administrator may do this`);
  }
}

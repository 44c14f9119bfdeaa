// Notices belong to a street, a department or a service point. Service points are the
// `services` subgraph's: only their ids are kept here, and only the district or the services
// subgraph itself (acting for its service points) publishes notices for them. (Commitments have
// their own rule, with the point's provider asked of services: commitments/proposal.ts.)
import { type Caller, check, isService, notFound, rules } from '@shequ/kit';
import { actsForUnit } from './access.js';
import type { Context } from './builder.js';
import type { CommitmentOwnerType } from './generated/prisma/enums.js';
import { findUnit } from './tasks/proposer.js';

export function actsForOwner(caller: Caller, ownerType: CommitmentOwnerType, ownerId: string): boolean {
  if (ownerType === 'SERVICE_POINT') return caller.role === 'DISTRICT_ADMIN' || isService(caller, 'services');
  return actsForUnit(caller, { unitType: ownerType, unitId: ownerId });
}

/** NOT_FOUND unless a street or department owner exists here; a service point's id is only checked for shape. */
export async function checkOwner(ctx: Context, ownerType: CommitmentOwnerType, ownerId: string): Promise<string> {
  if (ownerType === 'SERVICE_POINT') return check(rules.text(100, 1), ownerId, 'ownerId');
  const unit = await findUnit(ctx.prisma, ownerId);
  if (unit.unitType !== ownerType) throw notFound(ownerType === 'STREET' ? 'Street' : 'Department', ownerId);
  return ownerId;
}

export const ownerRoles = ['DISTRICT_ADMIN', 'DEPARTMENT_STAFF', 'STREET_STAFF', 'SERVICE'] as const;

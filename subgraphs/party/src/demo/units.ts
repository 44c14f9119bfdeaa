// Demo jurisdiction units with their agreements and contributions, as the kit's generator builds
// them (committees derives its donations from the same generator), in this subgraph's rows.
import { demoCoConstruction, type DemoCommunity } from '@shequ/kit';
import type { CoConstructionAgreement, CoConstructionUnit, Contribution } from '../generated/prisma/client.js';

type Row<T> = Omit<T, 'createdAt'>;

export function demoUnits(community: DemoCommunity, reference: Date) {
  const built = demoCoConstruction(community, reference);
  const units: Row<CoConstructionUnit>[] = built.units;
  const agreements: Row<CoConstructionAgreement>[] = built.agreements;
  const contributions: Row<Contribution>[] = built.contributions.map((c) => ({ ...c, valueFen: BigInt(c.valueFen) }));
  return { units, agreements, contributions };
}

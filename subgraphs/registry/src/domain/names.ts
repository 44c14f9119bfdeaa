// How partner subgraphs are named, and the naming rule for their root fields: a partner's Query,
// Mutation and Subscription fields begin with its name in camelCase (`health-center` →
// `healthCenter`, `healthCenterClinics`), so two partners can never take the same root field.
import { badInput } from '@shequ/kit';

const partnerName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function requirePartnerName(name: string, coreNames: readonly string[]): void {
  if (!partnerName.test(name) || name.length > 40)
    throw badInput('A subgraph name is lower-case words joined by dashes, at most 40 characters (e.g. health-center)', { field: 'name' });
  if (coreNames.includes(name)) throw badInput(`"${name}" is a core subgraph of the hub`, { field: 'name' });
}

export function rootFieldPrefix(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `healthCenter` and `healthCenterClinics` follow the rule; `healthCentered` does not. */
export function followsRootFieldRule(field: string, subgraph: string): boolean {
  const prefix = rootFieldPrefix(subgraph);
  return field === prefix || (field.startsWith(prefix) && /^[A-Z_]/.test(field.slice(prefix.length)));
}

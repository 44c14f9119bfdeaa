// Which subgraphs of a supergraph are partners', and the generation of each one's signing key.
// The registry writes it as the supergraph's first line (numbers, no secret), so a registration
// or a rotation reaches every gateway with the supergraph it polls, and a gateway signs each
// partner's requests with that partner's own secret (auth/upstream-signature.ts).
const marker = '# shequ partner keys: ';

export type PartnerKeys = ReadonlyMap<string, number>;

export function withPartnerKeys(supergraphSdl: string, keys: PartnerKeys): string {
  return `${marker}${JSON.stringify(Object.fromEntries([...keys].sort(([a], [b]) => a.localeCompare(b))))}\n${supergraphSdl}`;
}

/** The partner keys a supergraph names; none for one that did not come from the registry. */
export function partnerKeysOf(supergraphSdl: string): PartnerKeys {
  if (!supergraphSdl.startsWith(marker)) return new Map();
  const line = supergraphSdl.slice(marker.length, supergraphSdl.indexOf('\n'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`the supergraph's partner keys line is not JSON: ${line.slice(0, 80)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error("the supergraph's partner keys line is not an object");
  const keys = new Map<string, number>();
  for (const [name, generation] of Object.entries(parsed)) {
    if (!Number.isInteger(generation) || (generation as number) < 1)
      throw new Error(`the supergraph's partner key generation for ${name} is not a positive integer`);
    keys.set(name, generation as number);
  }
  return keys;
}

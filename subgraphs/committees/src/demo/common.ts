import { demoCommunities, type DemoCommunity } from '@shequ/kit';

/** `community-minzu-01` → `minzu-01`: the part every demo id of a community carries. */
export const suffix = (communityId: string) => communityId.replace(/^community-/, '');

export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function mobile(random: { int(min: number, max: number): number; pick<T>(items: readonly T[]): T }): string {
  return `1${random.pick(['33', '35', '37', '38', '50', '52', '58', '86', '87', '89'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

export type { DemoCommunity };
export { demoCommunities };

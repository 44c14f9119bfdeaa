// Where things are in the demo: a made-up centre for each community inside Jianghan District's
// rough bounding box, so service points and requests of one community sit near each other.
import { demoCommunities, demoStreets, seededRandom, type DemoCommunity, type DemoStreet, type Random } from '@shequ/kit';

export const communityById = new Map<string, DemoCommunity>(demoCommunities.map((c) => [c.id, c]));
export const streetById = new Map<string, DemoStreet>(demoStreets.map((s) => [s.id, s]));

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function communityCentre(communityId: string): { latitude: number; longitude: number } {
  const random = seededRandom(`centre-${communityId}`);
  return { latitude: round(30.575 + random.next() * 0.065), longitude: round(114.225 + random.next() * 0.075) };
}

export function near(centre: { latitude: number; longitude: number }, random: Random, spread = 0.003) {
  return { latitude: round(centre.latitude + (random.next() - 0.5) * spread), longitude: round(centre.longitude + (random.next() - 0.5) * spread) };
}

/** A synthetic flat in the community: 振兴社区12号3单元504室. */
export const flat = (community: DemoCommunity, random: Random) =>
  `${community.name}${random.int(1, 40)}号${random.int(1, 6)}单元${random.int(1, 18)}0${random.int(1, 4)}室`;

export const days = (n: number) => n * 24 * 3600_000;
export const hours = (n: number) => n * 3600_000;
export const pad = (n: number, width = 3) => String(n).padStart(width, '0');

// Synthetic data must come out the same on every start (tests, the hub's end-to-end test and a
// demo all see one world), so randomness is derived from a string seed, never from Math.random.
import { createHash } from 'node:crypto';

/** A 32-bit number from a string: stable across runs, platforms and Node versions. */
export function hash32(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

/** A small PRNG (mulberry32) seeded from a string, for sequences of choices. */
export function seededRandom(seed: string) {
  let state = hash32(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

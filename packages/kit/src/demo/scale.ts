// How large the demo district is: SHEQU_DEMO_SCALE=10 gives every street ten times its
// communities (1,120 instead of 112), to see what costs grow with the data. Read once per
// process by the demo's geography, so every subgraph of a hub started with the same
// environment agrees on the community ids.

import type { Env } from '../config/define.js';
import { demoSettings } from '../config/subgraph.js';

// The upper bound is the schema's (config/shared.ts SHEQU_DEMO_SCALE).
export const maxDemoScale = 20;

/** 1 (the real district's 112 communities) unless SHEQU_DEMO_SCALE says otherwise. */
export function demoScale(env?: Env): number {
  return demoSettings(env).scale;
}

const numerals = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 二, 三, … 二十: the ordinal of a community sharing its name stem (复兴二社区). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return numerals[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? numerals[tens] : ''}十${numerals[n % 10]}`;
}

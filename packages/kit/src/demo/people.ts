// Synthetic people for demo data: deterministic IDs that every subgraph agrees on, and made-up
// names. No real person's data.
import type { Random } from './random.js';

// Common single-character surnames with their pinyin, and a few compound ones (复姓), rare as
// they are in life.
const surnames: readonly (readonly [string, string])[] = [
  ['王', 'Wang'],
  ['李', 'Li'],
  ['张', 'Zhang'],
  ['刘', 'Liu'],
  ['陈', 'Chen'],
  ['杨', 'Yang'],
  ['黄', 'Huang'],
  ['赵', 'Zhao'],
  ['吴', 'Wu'],
  ['周', 'Zhou'],
  ['徐', 'Xu'],
  ['孙', 'Sun'],
  ['马', 'Ma'],
  ['朱', 'Zhu'],
  ['胡', 'Hu'],
  ['郭', 'Guo'],
  ['何', 'He'],
  ['高', 'Gao'],
  ['林', 'Lin'],
  ['罗', 'Luo'],
  ['郑', 'Zheng'],
  ['梁', 'Liang'],
  ['谢', 'Xie'],
  ['宋', 'Song'],
  ['唐', 'Tang'],
  ['许', 'Xu'],
  ['韩', 'Han'],
  ['冯', 'Feng'],
  ['邓', 'Deng'],
  ['曹', 'Cao'],
  ['彭', 'Peng'],
  ['曾', 'Zeng'],
  ['肖', 'Xiao'],
  ['田', 'Tian'],
  ['董', 'Dong'],
  ['袁', 'Yuan'],
  ['潘', 'Pan'],
  ['蒋', 'Jiang'],
  ['蔡', 'Cai'],
  ['余', 'Yu'],
];
const compoundSurnames: readonly (readonly [string, string])[] = [
  ['欧阳', 'Ouyang'],
  ['司马', 'Sima'],
  ['诸葛', 'Zhuge'],
  ['上官', 'Shangguan'],
  ['东方', 'Dongfang'],
];
const compoundShare = 0.03;

// Given names of one or two characters, as commonly given to women and to men.
const givenNames = {
  FEMALE: {
    one: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '玲', '红', '萍', '霞', '燕', '婷', '琳', '慧', '颖', '洁', '倩', '雪', '莉'],
    two: [
      '秀英',
      '桂英',
      '海燕',
      '春梅',
      '玉兰',
      '淑珍',
      '秀兰',
      '丽华',
      '美玲',
      '晓红',
      '雅琴',
      '佳怡',
      '欣怡',
      '梦婷',
      '婉清',
      '静怡',
      '雨萱',
      '思琪',
      '文静',
      '秋菊',
    ],
  },
  MALE: {
    one: ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '刚', '辉', '鹏', '斌', '波', '浩', '亮', '峰', '宇', '健'],
    two: [
      '建华',
      '建国',
      '志强',
      '晓东',
      '德明',
      '国庆',
      '建军',
      '志刚',
      '海涛',
      '文博',
      '俊杰',
      '子轩',
      '浩然',
      '宇航',
      '明辉',
      '国强',
      '立新',
      '卫东',
      '振华',
      '永刚',
    ],
  },
} as const;
const twoCharacterShare = 0.55;

export type DemoGender = 'FEMALE' | 'MALE';

export interface SyntheticName {
  /** Two or three characters: surname and given name. */
  name: string;
  /** Surname in pinyin, for English displays. */
  surnameEn: string;
  /** The gender the given name fits: the one asked for, or drawn when none was. */
  gender: DemoGender;
}

/**
 * A made-up name fitting `gender` (the person's recorded gender, where the record has one). A
 * compound surname takes a one-character given name, so every name has two or three characters.
 */
export function syntheticName(random: Random, gender?: DemoGender): SyntheticName {
  const fits: DemoGender = gender ?? (random.chance(0.5) ? 'FEMALE' : 'MALE');
  const [surname, surnameEn] = random.chance(compoundShare) ? random.pick(compoundSurnames) : random.pick(surnames);
  const pool = givenNames[fits];
  const given = surname.length === 1 && random.chance(twoCharacterShare) ? random.pick(pool.two) : random.pick(pool.one);
  return { name: `${surname}${given}`, surnameEn, gender: fits };
}

/** Members' representatives per community in the demo data. */
export const representativesPerCommunity = 15;

/** `community-minzu-01`, 3 → `rep-minzu-01-03`. */
export function representativeId(communityId: string, n: number): string {
  return `rep-${communityId.replace(/^community-/, '')}-${String(n).padStart(2, '0')}`;
}

/** Staff of a street or department: `street-minzu`, 2 → `staff-street-minzu-02`. */
export function staffId(unitId: string, n: number): string {
  return `staff-${unitId}-${String(n).padStart(2, '0')}`;
}
